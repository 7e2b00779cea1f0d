using System.Diagnostics;

namespace ClAdmin.Testing;

/// <summary>What a cladmin process printed and how it exited.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs the built cladmin program as a separate process, as a user or script would.</summary>
public static class CladminProcess
{
    /// <summary>cladmin.dll next to the test assembly (the test project references the program).</summary>
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "cladmin.dll");

    /// <summary>The native cladmin that scripts/test.sh publishes as scripts/run.sh ships it
    /// (CLADMIN_TEST_BINARY), so the end-to-end tests run the program users run; null when unset
    /// (an IDE run): then the tests run cladmin.dll with dotnet.</summary>
    public static string? Binary => Environment.GetEnvironmentVariable("CLADMIN_TEST_BINARY") is { Length: > 0 } path ? path : null;

    /// <summary>How to start cladmin: the program and the arguments that come before cladmin's own.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var info = Binary is { } binary ? new ProcessStartInfo(binary) : new ProcessStartInfo("dotnet") { ArgumentList = { Dll } };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        info.UseShellExecute = false;
        info.Environment["DOTNET_NOLOGO"] = "1";
        return info;
    }

    /// <summary>The same as a POSIX shell command prefix (for tmux and sh -c).</summary>
    public static string ShellCommand => Binary is { } binary ? ClAdmin.Shell.ShellWords.Quote(binary) : "dotnet " + ClAdmin.Shell.ShellWords.Quote(Dll);

    public static ProcessResult Run(params string[] args) => Run(args, stdin: null, environment: null);

    public static ProcessResult Run(IEnumerable<string> args, string? stdin, IReadOnlyDictionary<string, string>? environment) =>
        Run(args, stdin, environment, workingDirectory: null);

    /// <summary>Runs cladmin in <paramref name="workingDirectory"/> (null: the test's own).</summary>
    public static ProcessResult Run(IEnumerable<string> args, string? stdin, IReadOnlyDictionary<string, string>? environment, string? workingDirectory)
    {
        var info = StartInfo(args);
        if (workingDirectory is not null)
        {
            info.WorkingDirectory = workingDirectory;
        }
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.RedirectStandardInput = true;
        if (environment is not null)
        {
            foreach (var (k, v) in environment)
            {
                info.Environment[k] = v;
            }
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"cladmin {string.Join(' ', args)} did not finish");
        }
        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
