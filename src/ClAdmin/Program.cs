namespace ClAdmin;

internal static class Program
{
    private static int Main(string[] args)
    {
        Serilog.Log.Logger = DiagnosticLog.Open();
        try
        {
            return Cli.Run(args, Console.Out, Console.Error);
        }
        finally
        {
            Serilog.Log.CloseAndFlush();
        }
    }
}
