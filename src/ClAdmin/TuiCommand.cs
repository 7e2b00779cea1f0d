using System.CommandLine;
using ClAdmin.Contracts;
using ClAdmin.Tui.Linear;
using ClAdmin.Tui.Logging;
using ClAdmin.Tui.Session;
using ClAdmin.Tui.Terminal;

namespace ClAdmin;

/// <summary>
/// `cladmin [FASTPATH]`: with no verb, the smitty screens open at FASTPATH (default hacmp).
/// Options: -x (log commands, run none), --prompt (linear mode, also chosen for TERM=dumb or
/// when stdin/stdout is not a terminal), --log / --script (the log files; default under the
/// user's state directory).
/// </summary>
internal static class TuiCommand
{
    public static void AddTo(RootCommand root, Option<string?> menusOption, ExecCommands exec, LogOptions logs, TextWriter output, TextWriter error)
    {
        var fastpath = new Argument<string>("fastpath")
        {
            Description = "The screen to open (a SMIT fast path; default: hacmp)",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => "hacmp",
        };
        var noExec = logs.NoExecute;
        var prompt = new Option<bool>("--prompt") { Description = "Ask field by field on plain lines (also used for TERM=dumb)" };
        root.Arguments.Add(fastpath);
        root.Options.Add(prompt);
        root.SetAction(parse =>
        {
            var linear = parse.GetValue(prompt) || string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal)
                || Console.IsInputRedirected || Console.IsOutputRedirected;
            if (!linear)
            {
                TerminalGuiConfiguration.StartApplying(); // beside the loading of the menus
            }
            var loaded = MenuDirectory.Load(parse.GetValue(menusOption));
            if (!loaded.Ok)
            {
                error.WriteLine($"cladmin: the menus do not load ({loaded.Errors.Count} error(s)); run 'cladmin menus check' for the list");
                return ExitCodes.Usage;
            }
            // Screens marked for one transport (the Cluster Simulation menu: sim) exist only on it.
            var runtimeOptions = exec.RuntimeOptionsOf(parse);
            var tree = loaded.Tree!.ForTransport(runtimeOptions.Transport);
            var start = parse.GetValue(fastpath)!;
            if (tree.Resolve(start) is null)
            {
                error.WriteLine($"cladmin: no screen has the fast path '{start}'");
                return ExitCodes.Usage;
            }
            // Warnings (a log that cannot be written) wait while the full screens are up.
            var notices = new HeldWriter(error);
            var sessionLog = logs.Open(parse, notices);
            var options = new TuiOptions { NoExecute = parse.GetValue(noExec) };
            // The screens' commands (discovery, lists, Enter) go through the one dispatcher.
            var lazy = new LazyDispatcher(() => Runtime.CreateAsync(runtimeOptions, notices, CancellationToken.None));
            using var release = new Releaser(lazy);
            if (runtimeOptions.Transport == "sim" && !File.Exists(runtimeOptions.DatabasePath))
            {
                // First start: create the demo cluster before the screens, so its one-line notice is seen.
                lazy.RuntimeAsync(CancellationToken.None).GetAwaiter().GetResult();
            }
            IDispatcher dispatcher = lazy;
            if (linear)
            {
                return new LinearSession(tree, dispatcher, Console.In, output, sessionLog, options)
                {
                    SecretReader = Console.IsInputRedirected ? null : ReadWithoutEcho,
                }.RunAsync(start, CancellationToken.None).GetAwaiter().GetResult();
            }
            var session = new TuiSession(tree, dispatcher, sessionLog, options);
            if (!session.Start(start, out var message))
            {
                error.WriteLine(message);
                return ExitCodes.Usage;
            }
            notices.Hold();
            try
            {
                return TuiRunner.Run(session);
            }
            finally
            {
                notices.Release();
            }
        });
    }

    private sealed class Releaser(LazyDispatcher dispatcher) : IDisposable
    {
        public void Dispose() => dispatcher.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>A line typed on the terminal, not echoed (secret fields in linear mode).</summary>
    private static string ReadWithoutEcho()
    {
        var line = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    return line.ToString();
                case ConsoleKey.Backspace when line.Length > 0:
                    line.Length--;
                    break;
                default:
                    if (!char.IsControl(key.KeyChar))
                    {
                        line.Append(key.KeyChar);
                    }
                    break;
            }
        }
    }
}
