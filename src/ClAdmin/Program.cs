namespace ClAdmin;

internal static class Program
{
    private static int Main(string[] args)
    {
        if (args is ["--version"])
        {
            // Answered before the diagnostic log is set up: it logs nothing, and Serilog's start-up
            // is a measurable part of this command's few milliseconds (scripts/bench/startup.sh).
            return Cli.Run(args, Console.Out, Console.Error);
        }
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
