using ClAdmin.Contracts;
using ClAdmin.Menus.Model;
using ClAdmin.Menus;
using ClAdmin.Tui.Logging;
using ClAdmin.Tui.Session;

namespace ClAdmin.Tui.Linear;

/// <summary>
/// The linear mode (TERM=dumb, --prompt, or no terminal): the same screens asked one question
/// per plain line, for screen readers and dumb terminals. Menus are numbered; dialogs ask field by
/// field (Enter keeps the value shown, '?' lists the choices, '-' empties the field); the command
/// is shown, confirmed when the dialog asks, then run (or, under -x, only logged).
/// </summary>
public sealed class LinearSession
{
    private readonly MenuTree _tree;
    private readonly IDispatcher _dispatcher;
    private readonly ISessionLog _log;
    private readonly TuiOptions _options;
    private readonly TextReader _input;
    private readonly TextWriter _output;

    public LinearSession(MenuTree tree, IDispatcher dispatcher, TextReader input, TextWriter output, ISessionLog? log = null, TuiOptions? options = null)
    {
        _tree = tree ?? throw new ArgumentNullException(nameof(tree));
        _dispatcher = dispatcher ?? throw new ArgumentNullException(nameof(dispatcher));
        _input = input ?? throw new ArgumentNullException(nameof(input));
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _log = log ?? NullSessionLog.Instance;
        _options = options ?? new TuiOptions();
    }

    private sealed class EndOfInputException : Exception
    {
    }

    /// <summary>Runs from a fast path until the user quits or the input ends; returns the exit code.</summary>
    public async Task<int> RunAsync(string fastpath, CancellationToken cancellationToken)
    {
        if (_tree.Resolve(fastpath) is not { } start)
        {
            await _output.WriteLineAsync($"cladmin: no screen has the fast path '{fastpath}'").ConfigureAwait(false);
            return 2;
        }
        _log.Starting();
        var rc = 0;
        try
        {
            var stack = new Stack<(ScreenRef Screen, IReadOnlyDictionary<string, string> Values)>();
            stack.Push((start, new Dictionary<string, string>()));
            while (stack.Count > 0)
            {
                var (screen, values) = stack.Peek();
                var next = screen.Kind == NextType.Menu
                    ? Menu(_tree.Menus[screen.Id])
                    : await DialogAsync(screen, values, cancellationToken).ConfigureAwait(false);
                if (next is null)
                {
                    stack.Pop();
                }
                else if (next.Value.Screen.Kind == NextType.Info)
                {
                    rc = next.Value.Screen.Id == "failed" ? 1 : rc;
                    stack.Pop();
                }
                else
                {
                    stack.Push(next.Value);
                }
            }
        }
        catch (EndOfInputException)
        {
            // the input ended: leave as F10 would
        }
        _log.Exiting();
        return rc;
    }

    /// <summary>Reads a secret line without echo (the terminal's keys, intercepted); null when
    /// the input is not a terminal, where nothing echoes anyway.</summary>
    public Func<string>? SecretReader { get; init; }

    private string AskSecret(string prompt)
    {
        if (SecretReader is null)
        {
            return Ask(prompt);
        }
        _output.Write(prompt);
        _output.Flush();
        var line = SecretReader();
        _output.WriteLine();
        return line;
    }

    private string Ask(string prompt)
    {
        _output.Write(prompt);
        _output.Flush();
        var line = _input.ReadLine() ?? throw new EndOfInputException();
        return line;
    }

    private (ScreenRef Screen, IReadOnlyDictionary<string, string> Values)? Menu(Menu menu)
    {
        _log.Screen("Menu", menu.Id, menu.Id, menu.Title);
        _output.WriteLine();
        _output.WriteLine(menu.Title);
        var choices = new List<MenuItem>();
        foreach (var item in menu.Items)
        {
            if (item.NextType == NextType.Info)
            {
                _output.WriteLine(item.Text.Length > 0 ? "   " + item.Text : "");
                continue;
            }
            choices.Add(item);
            _output.WriteLine($"{choices.Count,3}) {item.Text}");
        }
        while (true)
        {
            var answer = Ask($"Choose 1-{choices.Count}, 0 to go back, q to quit: ").Trim();
            if (answer == "q")
            {
                throw new EndOfInputException();
            }
            if (answer == "0")
            {
                return null;
            }
            if (int.TryParse(answer, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= choices.Count)
            {
                return (new ScreenRef(choices[n - 1].NextType, choices[n - 1].Next), new Dictionary<string, string>());
            }
        }
    }

    /// <summary>A selector or dialog and what follows it, through the <see cref="DialogFlow"/> that
    /// <c>cladmin run</c> takes too; then the command is shown, confirmed when the dialog asks, and run.</summary>
    private async Task<(ScreenRef Screen, IReadOnlyDictionary<string, string> Values)?> DialogAsync(ScreenRef screen, IReadOnlyDictionary<string, string> nameValues, CancellationToken ct)
    {
        var flow = new DialogFlow(_tree, new Answers(this), async (command, token) =>
        {
            var r = await IntermediateAsync(command, token).ConfigureAwait(false);
            return new ScreenCommandResult(r.ExitCode, r.Stdout, r.Stderr);
        });
        var walked = await flow.FromAsync(screen, nameValues, ct).ConfigureAwait(false);
        if (walked.Back)
        {
            return null;
        }
        if (walked.Command is not { } built)
        {
            foreach (var e in walked.Errors)
            {
                _output.WriteLine(e);
            }
            return (new ScreenRef(NextType.Info, "failed"), nameValues);
        }
        var dialog = walked.Values!.Dialog;
        var line = built.CommandLine;
        _output.WriteLine($"Command: {line}");
        if (dialog.Asks && !Ask("ARE YOU SURE? Continuing may delete information you may want to keep. Continue (y/n): ").Trim().StartsWith('y'))
        {
            return null;
        }
        _log.Command(line, built.StandardInput.Count, run: !_options.NoExecute);
        if (_options.NoExecute)
        {
            _output.WriteLine("Command: OK (cladmin -x: logged, NOT run)");
            return (new ScreenRef(NextType.Info, "ok"), nameValues);
        }
        var stdin = built.StandardInput.Count == 0 ? "" : string.Join("\n", built.StandardInput) + "\n";
        var result = await _dispatcher.RunAsync(new CommandRequest(line, stdin) { Prompt = new LinePrompt(this) }, ct).ConfigureAwait(false);
        _output.Write(result.Stdout);
        _output.Write(result.Stderr);
        foreach (var n in result.Nodes)
        {
            _output.WriteLine($"  {n.Node}: {n.Outcome}{(n.Outcome == NodeOutcome.Failed ? $" rc={n.ExitCode}" : "")}");
        }
        var status = result.ExitCode == 0 ? "OK" : "failed";
        _log.Output(result.Stdout, result.Stderr, status);
        _output.WriteLine($"Command: {status}");
        return (new ScreenRef(NextType.Info, result.ExitCode == 0 ? "ok" : "failed"), nameValues);
    }

    /// <summary>A running command's yes/no questions, asked on their own line until y or n is answered.</summary>
    private sealed class LinePrompt(LinearSession session) : ICommandPrompt
    {
        public Task<bool> ConfirmAsync(string question, CancellationToken cancellationToken)
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                string answer;
                try
                {
                    answer = session.Ask(question + " ").Trim();
                }
                catch (EndOfInputException)
                {
                    return Task.FromResult(false); // no one left to answer: nothing is changed
                }
                if (answer.StartsWith('y') || answer.StartsWith('Y') || answer.StartsWith('n') || answer.StartsWith('N'))
                {
                    return Task.FromResult(answer[0] is 'y' or 'Y');
                }
                session._output.WriteLine("Answer y or n.");
            }
        }
    }

    /// <summary>The user's answers, one question per line.</summary>
    private sealed class Answers(LinearSession session) : IDialogAnswers
    {
        public async Task<string?> SelectorValueAsync(Selector selector, string current, IReadOnlyDictionary<string, string> nameValues, CancellationToken cancellationToken)
        {
            session._log.Screen("Selector", selector.Id, selector.Id, selector.Title);
            session._output.WriteLine();
            session._output.WriteLine(selector.Title);
            return await session.AskFieldAsync(selector.Field, current, nameValues, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The user is told why and asked again.</summary>
        public bool AskAgain(Selector selector, string problem)
        {
            session._output.WriteLine(problem);
            return true;
        }

        public async Task<IReadOnlyList<string>?> FillAsync(DialogValues values, IReadOnlyDictionary<string, string> nameValues, CancellationToken cancellationToken)
        {
            var dialog = values.Dialog;
            session._log.Screen("Dialogue", dialog.Id, dialog.Id, dialog.Title);
            session._output.WriteLine();
            session._output.WriteLine(dialog.Title);
            session._output.WriteLine("Enter keeps the value in [brackets]; ? lists the choices; - empties the field; q leaves the dialog.");
            foreach (var field in dialog.Fields)
            {
                if (field.IsHeading)
                {
                    session._output.WriteLine(field.Label);
                    continue;
                }
                while (true)
                {
                    if (await session.AskFieldAsync(field, values[field], nameValues, cancellationToken).ConfigureAwait(false) is not { } value)
                    {
                        return null;
                    }
                    if (values.Set(field, value) is { } error)
                    {
                        session._output.WriteLine(error);
                        continue;
                    }
                    break;
                }
            }
            return [];
        }
    }

    /// <summary>Asks one field; null when the user leaves with q.</summary>
    private async Task<string?> AskFieldAsync(Field field, string current, IReadOnlyDictionary<string, string> names, CancellationToken ct)
    {
        while (true)
        {
            var label = field.Label.Trim() + (field.Required == Required.NonBlank ? " (required)" : "");
            var shown = field.Secret ? "" : current;
            var ring = field.Ring is { } r ? $" ({string.Join("/", r.Values)})" : "";
            var prompt = $"{label}{ring}{(field.Secret ? " (not echoed)" : "")} [{shown}]: ";
            var answer = field.Secret ? AskSecret(prompt) : Ask(prompt);
            switch (answer.Trim())
            {
                case "":
                    return current;
                case "q":
                    return null;
                case "-":
                    return "";
                case "?" when field.HasList:
                    var items = field.Ring is { } ringValues
                        ? ringValues.Values.Select(v => new ListItem(v, [])).ToList()
                        : await ListAsync(field, names, ct).ConfigureAwait(false);
                    if (items.Count == 0)
                    {
                        continue;
                    }
                    for (var i = 0; i < items.Count; i++)
                    {
                        _output.WriteLine($"{i + 1,3}) {items[i].Text}");
                    }
                    var pick = Ask("Choose a number (several: 1,3 for a multiple choice): ");
                    var picked = pick.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries)
                        .Select(p => int.TryParse(p, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= items.Count ? items[n - 1].ValueFor(field.Ring is null ? field.ListMode : ListMode.All) : null)
                        .OfType<string>().ToList();
                    if (picked.Count > 0)
                    {
                        return string.Join(field.MultiSelect == MultiSelect.Comma ? "," : " ", picked);
                    }
                    continue;
                default:
                    return answer;
            }
        }
    }

    private async Task<List<ListItem>> ListAsync(Field field, IReadOnlyDictionary<string, string> names, CancellationToken ct)
    {
        var command = Postfix.Apply(field.ListCommand, field.ListPostfix, names);
        var result = await IntermediateAsync(command, ct).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            _output.WriteLine($"The list command failed: {command}\n{(result.Stderr + result.Stdout).TrimEnd()}");
            return [];
        }
        return [.. Navigator.ListOf(result, field.ListMode).Items];
    }

    private async Task<CommandResult> IntermediateAsync(string command, CancellationToken ct)
    {
        var result = await _dispatcher.RunAsync(new CommandRequest(command), ct).ConfigureAwait(false);
        _log.Intermediate(command, result.ExitCode);
        return result;
    }
}
