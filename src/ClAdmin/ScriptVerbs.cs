using System.CommandLine;
using ClAdmin.Contracts;
using ClAdmin.Store;

namespace ClAdmin;

/// <summary>
/// `cladmin script run FILE`: replays a cladmin.script in one process (one runtime, persistent
/// sessions): every command line through the dispatcher, in order, stopping at the first one
/// that fails (its line number is named) unless --continue is given.
/// </summary>
public static class ScriptVerbs
{
    public static Command Create(ExecCommands exec, LogOptions logs, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(exec);
        ArgumentNullException.ThrowIfNull(logs);
        var file = new Argument<string>("file") { Description = "A cladmin.script (or smit.script) to replay" };
        var keepGoing = new Option<bool>("--continue") { Description = "Run the remaining commands after one fails" };
        var run = new Command("run", "Replay a cladmin.script: each command through the dispatcher, in order; stops at the first failure") { file, keepGoing };
        run.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                error.WriteLine($"cladmin script run: {path}: no such file");
                return ExitCodes.Usage;
            }
            var commands = ScriptFile.Parse(await File.ReadAllTextAsync(path, ct));
            if (parse.GetValue(logs.NoExecute))
            {
                var noRun = logs.Open(parse, error);
                foreach (var command in commands)
                {
                    output.WriteLine($"+ {command.CommandLine}");
                    noRun.Command(command.CommandLine, 0, run: false);
                }
                output.WriteLine($"cladmin -x: not run; logged {commands.Count} command(s)");
                return ExitCodes.Ok;
            }
            try
            {
                await using var runtime = await Runtime.CreateAsync(exec.RuntimeOptionsOf(parse), error, ct);
                var log = logs.Open(parse, error);
                var exit = ExitCodes.Ok;
                foreach (var command in commands)
                {
                    output.WriteLine($"+ {command.CommandLine}");
                    log.Command(command.CommandLine, 0, run: true);
                    var result = await runtime.Dispatcher.RunAsync(new CommandRequest(command.CommandLine), ct);
                    log.Output(result.Stdout, result.Stderr, ExitCodes.Of(result) == ExitCodes.Ok ? "OK" : "failed");
                    output.Write(result.Stdout);
                    error.Write(result.Stderr);
                    if (ExitCodes.Of(result) != ExitCodes.Ok)
                    {
                        error.WriteLine($"cladmin script run: {path}:{command.Line}: the command failed (exit code {result.ExitCode})");
                        exit = ExitCodes.Failed;
                        if (!parse.GetValue(keepGoing))
                        {
                            break;
                        }
                    }
                }
                return exit;
            }
            catch (StoreException e)
            {
                error.WriteLine($"cladmin: {e.Message}");
                return ExitCodes.Of(e);
            }
        });
        return new Command("script", "Replay recorded commands (cladmin.script)") { run };
    }
}
