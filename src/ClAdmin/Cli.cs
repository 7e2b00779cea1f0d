using System.CommandLine;
using ClAdmin.Menus;

namespace ClAdmin;

/// <summary>The cladmin command line: verbs, global options and exit codes.</summary>
public static class Cli
{
    /// <summary>Runs cladmin with the given arguments and returns its exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (args is ["--version"])
        {
            // What System.CommandLine's --version prints, without building every verb first.
            output.WriteLine(BuildVersion.Informational);
            return ExitCodes.Ok;
        }
        var menusOption = new Option<string?>("--menus")
        {
            Description = "Directory of menu files (default: the menus shipped with cladmin)",
            Recursive = true,
        };
        var root = new RootCommand("ClAdmin: SMIT-style administration of HACMP/PowerHA clusters");
        root.Options.Add(menusOption);
        root.Options.Add(OdmCommands.DbOption);
        var exec = ExecCommands.Create(output, error);
        var logs = new LogOptions();
        root.Options.Add(logs.Log);
        root.Options.Add(logs.Script);
        root.Options.Add(logs.NoExecute);
        root.Subcommands.Add(MenusCommand(menusOption, output, error));
        root.Subcommands.Add(RunCommand.Create(menusOption, exec, logs, output, error));
        root.Subcommands.Add(OdmCommands.Odm(exec, output, error));
        TuiCommand.AddTo(root, menusOption, exec, logs, output, error); // no verb: the smitty screens
        root.Options.Add(exec.Transport);
        root.Options.Add(exec.SshConfig);
        root.Options.Add(exec.Node);
        root.Subcommands.Add(exec.Cmd(logs));
        root.Subcommands.Add(exec.Ssh());
        root.Subcommands.Add(SimCommands.Create(exec, output, error));
        root.Subcommands.Add(LessonCommands.Create(exec, output, error));
        root.Subcommands.Add(ExplainCommand.Create(exec, output, error));
        root.Subcommands.Add(ScriptVerbs.Create(exec, logs, output, error));
        var debug = new Option<bool>("--debug") { Description = "Show the stack trace of an internal error on the screen", Recursive = true };
        var noColor = new Option<bool>("--no-color") { Description = "No colour, for this run and the commands it starts (as NO_COLOR=1)", Recursive = true };
        root.Options.Add(debug);
        root.Options.Add(noColor);

        // No response files: '@rg1' is a node group, never the lines of a file named rg1.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                error.WriteLine($"cladmin: {e.Message}");
            }
            error.WriteLine("Try 'cladmin --help'.");
            return ExitCodes.Usage;
        }
        if (parse.GetValue(noColor))
        {
            Environment.SetEnvironmentVariable("NO_COLOR", "1");
        }
        // The diagnostic log's verb event: the verb only (its arguments may name values).
        var verb = VerbOf(parse);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var code = Invoke(parse, parse.GetValue(debug), output, error);
        Serilog.Log.Information("verb {Verb}: exit {ExitCode} in {DurationMs:0.0} ms", verb, code, clock.Elapsed.TotalMilliseconds);
        return code;
    }

    /// <summary>The verb's words ("sim init"), or "(screens)" for cladmin without one.</summary>
    private static string VerbOf(ParseResult parse)
    {
        var words = new List<string>();
        for (var c = parse.CommandResult; c is { Parent: not null }; c = c.Parent as System.CommandLine.Parsing.CommandResult)
        {
            words.Insert(0, c.Command.Name);
        }
        return words.Count == 0 ? "(screens)" : string.Join(' ', words);
    }

    private static int Invoke(ParseResult parse, bool debug, TextWriter output, TextWriter error)
    {
        try
        {
            // Ctrl-C cancels the run; remote commands are then stopped on their nodes (over a new
            // connection for one-shot runs), which may take a handshake and a grace period.
            return parse.Invoke(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = TimeSpan.FromSeconds(20),
            });
        }
        catch (Store.StoreException e)
        {
            error.WriteLine($"cladmin: {e.Message}");
            return ExitCodes.Of(e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return InternalError(e, debug, error);
        }
    }

    /// <summary>Exit code 3: the message and where the details were written (the diagnostic
    /// log); the stack trace on screen only with --debug.</summary>
    private static int InternalError(Exception e, bool debug, TextWriter error)
    {
        var before = DiagnosticLog.End();
        Serilog.Log.Fatal(e, "internal error: {Message}", e.Message); // written through at once (not buffered)
        var reference = DiagnosticLog.End() is { Path: { } log } after && after != before
            ? $" (details in {log})"
            : " (the details could not be written to a log)";
        error.WriteLine($"cladmin: internal error: {e.Message}{reference}");
        if (debug)
        {
            error.WriteLine(e.ToString());
        }
        return ExitCodes.Internal;
    }

    private static Command MenusCommand(Option<string?> menusOption, TextWriter output, TextWriter error)
    {
        var menus = new Command("menus", "Check and inspect the SMIT screen tree (menus/*.json)");

        var check = new Command("check", "Validate every menu file against menus.schema.json and the tree's rules; exit 0, or 2 listing each error");
        check.SetAction(parse =>
        {
            var result = MenuDirectory.Load(parse.GetValue(menusOption), forceSchema: true);
            if (!result.Ok)
            {
                foreach (var e in result.Errors)
                {
                    error.WriteLine(e.ToString());
                }
                error.WriteLine($"{result.Errors.Count} error(s); the menus were not loaded.");
                return ExitCodes.Usage;
            }
            var tree = result.Tree!;
            output.WriteLine($"ok: {tree.Menus.Count} menus, {tree.Selectors.Count} selectors, {tree.Dialogs.Count} dialogs, " +
                $"{tree.Dialogs.Values.Sum(d => d.Fields.Count) + tree.Selectors.Count} fields, {tree.Aliases.Count} aliases, {tree.Fastpaths.Count()} fast paths");
            return ExitCodes.Ok;
        });

        var treeArg = new Argument<string>("fastpath") { HelpName = "fastpath", Description = "Where to start (default: hacmp)", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "hacmp" };
        treeArg.CompletionSources.Add(context => Completions.Fastpaths(context.ParseResult.GetValue(menusOption), context.WordToComplete));
        var tree = new Command("tree", "Print the screen tree below a fast path") { treeArg };
        tree.SetAction(parse => WithScreen(parse, menusOption, parse.GetValue(treeArg)!, error, (t, s) => MenuReports.Tree(t, s, output)));

        var showArg = new Argument<string>("fastpath") { HelpName = "fastpath", Description = "A dialog, selector or menu fast path" };
        showArg.CompletionSources.Add(context => Completions.Fastpaths(context.ParseResult.GetValue(menusOption), context.WordToComplete));
        var show = new Command("show", "List a dialog's fields: id, label, type, default, required, prefix") { showArg };
        show.SetAction(parse => WithScreen(parse, menusOption, parse.GetValue(showArg)!, error, (t, s) => MenuReports.Show(t, s, output)));

        menus.Subcommands.Add(check);
        menus.Subcommands.Add(tree);
        menus.Subcommands.Add(show);
        return menus;
    }

    private static int WithScreen(ParseResult parse, Option<string?> menusOption, string fastpath, TextWriter error, Action<MenuTree, Menus.Model.ScreenRef> action)
    {
        var result = MenuDirectory.Load(parse.GetValue(menusOption));
        if (!result.Ok)
        {
            error.WriteLine($"cladmin: the menus do not load ({result.Errors.Count} error(s)); run 'cladmin menus check' for the list");
            return ExitCodes.Usage;
        }
        if (result.Tree!.Resolve(fastpath) is not { } screen)
        {
            error.WriteLine($"cladmin: no screen has the fast path '{fastpath}'");
            return ExitCodes.Usage;
        }
        action(result.Tree, screen);
        return ExitCodes.Ok;
    }
}
