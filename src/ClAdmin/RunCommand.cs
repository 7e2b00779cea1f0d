using System.CommandLine;
using ClAdmin.Contracts;
using ClAdmin.Menus;
using ClAdmin.Store;

namespace ClAdmin;

/// <summary>
/// `cladmin run FASTPATH [FIELD=VALUE ...] [--yes] [--show] [--json]`: fills a dialog as a script
/// would (selectors take their value by their field id too), validates it as the dialog would,
/// builds its command, and runs it through the dispatcher, printing the COMMAND STATUS.
/// </summary>
public static class RunCommand
{
    public static Command Create(Option<string?> menusOption, ExecCommands exec, LogOptions logs, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(exec);
        var fastpath = new Argument<string>("fastpath") { HelpName = "fastpath", Description = "The dialog or selector to fill (its SMIT fast path)" };
        fastpath.CompletionSources.Add(context => context.ParseResult.GetValue(fastpath) is { } given && given != context.WordToComplete
            ? []
            : Completions.Fastpaths(context.ParseResult.GetValue(menusOption), context.WordToComplete));
        var fields = new Argument<string[]>("field=value") { HelpName = "field=value", Description = "Field values by field id (see 'cladmin menus show FASTPATH')", Arity = ArgumentArity.ZeroOrMore };
        fields.CompletionSources.Add(context => Completions.FieldAssignments(context.ParseResult.GetValue(menusOption), context.ParseResult.GetValue(fastpath))
            .Where(f => f.StartsWith(context.WordToComplete, StringComparison.OrdinalIgnoreCase)));
        var show = new Option<bool>("--show") { Description = "Print the command line the dialog would run (F6) and run nothing" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Answer ARE YOU SURE? with yes (needed for dialogs that ask)" };
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object (see README, JSON results)" };
        var run = new Command("run", "Fill a dialog's fields non-interactively, build its command as the dialog would, and run it; prints COMMAND STATUS and exits with its status.\n\nExamples:\n  cladmin run clstop nodes=node1 --show\n  cladmin run cm_add_grp rg_name=rg3 participating_nodes=\"node2 node1\" --json\n  cladmin run cm_rm_grp name=rg3 --yes\n  cladmin menus show cl_mkuser      (the field ids)")
        {
            fastpath, fields, show, yes, json,
        };
        run.SetAction(async (parse, ct) =>
        {
            var (assignments, badArgument) = FastpathRun.ParseAssignments(parse.GetValue(fields) ?? []);
            if (badArgument is not null)
            {
                error.WriteLine($"cladmin run: {badArgument}");
                return ExitCodes.Usage;
            }
            var loaded = MenuDirectory.LoadFor(parse.GetValue(menusOption), parse.GetValue(fastpath)!);
            if (!loaded.Ok)
            {
                error.WriteLine($"cladmin: the menus do not load ({loaded.Errors.Count} error(s)); run 'cladmin menus check' for the list");
                return ExitCodes.Usage;
            }
            // The runtime is built when something needs it: a screen command (a cooked selector's
            // classify command, a dialog's discover command) or the run itself; --show on a plain
            // dialog touches no database.
            Runtime? runtime = null;
            async Task<Runtime> RuntimeAsync() => runtime ??= await Runtime.CreateAsync(exec.RuntimeOptionsOf(parse), error, ct);
            var noExecute = parse.GetValue(logs.NoExecute);
            try
            {
                ScreenCommandRunner screenCommand = async (line, token) =>
                {
                    var r = await (await RuntimeAsync()).Dispatcher.RunAsync(new CommandRequest(line), token);
                    return new ScreenCommandResult(r.ExitCode, r.Stdout, r.Stderr);
                };
                // Screens marked for one transport (the Cluster Simulation menu: sim) exist only on it.
                var plan = await FastpathRun.FillAsync(loaded.Tree!.ForTransport(exec.RuntimeOptionsOf(parse).Transport), parse.GetValue(fastpath)!, assignments, noExecute ? null : screenCommand, cancellationToken: ct);
                if (plan.Ok && !parse.GetValue(show) && ReadSecrets(plan.Values!, assignments, error) is { } badSecret)
                {
                    error.WriteLine($"cladmin run: {badSecret}");
                    return ExitCodes.Usage;
                }
                var built = plan.Ok ? CommandBuilder.Build(plan.Values!) : null;
                var errors = plan.Ok ? built!.Errors : plan.Errors;
                if (errors.Count > 0)
                {
                    foreach (var e in errors)
                    {
                        error.WriteLine($"cladmin run: {e}");
                    }
                    return ExitCodes.Usage;
                }
                var command = built!.Command!;
                if (parse.GetValue(show))
                {
                    output.WriteLine(command.CommandLine);
                    return ExitCodes.Ok;
                }
                var dialog = plan.Values!.Dialog;
                if (noExecute)
                {
                    var noRun = logs.Open(parse, error);
                    noRun.Screen("Dialogue", parse.GetValue(fastpath)!, dialog.Id, dialog.Title);
                    noRun.Command(command.CommandLine, command.StandardInput.Count, run: false);
                    output.WriteLine($"cladmin -x: not run; logged: {command.CommandLine}");
                    return ExitCodes.Ok;
                }
                if (dialog.Asks && !parse.GetValue(yes))
                {
                    error.WriteLine($"cladmin run: '{dialog.Title}' asks ARE YOU SURE? before it runs{(dialog.Dangerous ? " (it is destructive)" : "")}; add --yes to answer yes");
                    return ExitCodes.Usage;
                }
                var dispatcher = (await RuntimeAsync()).Dispatcher;
                var listErrors = await ListValidation.CheckAsync(plan.Values!, assignments.Keys, dispatcher, ct);
                if (listErrors.Count > 0)
                {
                    foreach (var e in listErrors)
                    {
                        error.WriteLine($"cladmin run: {e}");
                    }
                    return ExitCodes.Usage;
                }
                var stdin = string.Concat(command.StandardInput.Select(v => v + "\n"));
                if (dialog.ExecMode == 'i' && Console.IsInputRedirected)
                {
                    // SMIT's interactive exec mode: the command reads the terminal itself (clpasswd asks for
                    // the passwords); without a terminal, what cladmin was given on standard input, never logged.
                    stdin += await Console.In.ReadToEndAsync(ct);
                }
                var log = logs.Open(parse, error);
                log.Screen("Dialogue", parse.GetValue(fastpath)!, dialog.Id, dialog.Title);
                log.Command(command.CommandLine, command.StandardInput.Count, run: true);
                var result = await dispatcher.RunAsync(new CommandRequest(command.CommandLine, stdin)
                {
                    Prompt = parse.GetValue(json) ? null : TerminalPrompt.ForConsole(error),
                }, ct);
                log.Output(result.Stdout, result.Stderr, ExitCodes.Of(result) == ExitCodes.Ok ? "OK" : "failed");
                if (parse.GetValue(json))
                {
                    ResultJson.Write(output, command.CommandLine, result);
                }
                else
                {
                    CommandStatus.Write(output, result);
                }
                return ExitCodes.Of(result);
            }
            catch (StoreException e)
            {
                error.WriteLine($"cladmin: {e.Message}");
                return ExitCodes.Of(e);
            }
            finally
            {
                if (runtime is not null)
                {
                    await runtime.DisposeAsync();
                }
            }
        });
        return run;
    }

    /// <summary>
    /// Secret fields (a password) not given as FIELD=VALUE are read from standard input, one line
    /// each in field order, so that they never appear in ps or the shell's history; from a
    /// terminal, after a prompt on standard error, without echo. They go to the command's
    /// standard input only and are never logged. At the end of input the rest stay empty.
    /// </summary>
    /// <returns>Why a secret read is not a valid value for its field (the value is not shown), or null.</returns>
    private static string? ReadSecrets(DialogValues values, IReadOnlyDictionary<string, string> assignments, TextWriter error)
    {
        foreach (var field in values.Dialog.Fields.Where(f => f.Secret && !assignments.ContainsKey(f.Id)).OrderBy(f => f.Sequence, StringComparer.Ordinal))
        {
            var secret = Console.IsInputRedirected ? Console.In.ReadLine() : ReadWithoutEcho($"{field.Label.Trim()}: ", error);
            if (secret is null)
            {
                return null;
            }
            if (values.Set(field, secret.TrimEnd('\r')) is not null)
            {
                return $"the value read from standard input for field '{field.Label.Trim()}' ({field.Id}) is not valid";
            }
        }
        return null;
    }

    private static string ReadWithoutEcho(string prompt, TextWriter error)
    {
        error.Write(prompt);
        error.Flush();
        var typed = new System.Text.StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
        error.WriteLine();
        return typed.ToString();
    }
}
