using ClAdmin.Menus.Model;

namespace ClAdmin.Menus;

/// <summary>The output of a screen's own command (a selector's classify command, a dialog's discover command).</summary>
public sealed record ScreenCommandResult(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs a screen's own command line (through the dispatcher, in the program).</summary>
public delegate Task<ScreenCommandResult> ScreenCommandRunner(string commandLine, CancellationToken cancellationToken);

/// <summary>
/// What a front end answers while <see cref="DialogFlow"/> walks from a selector or dialog to a
/// built command: linear mode asks the user line by line, <c>cladmin run</c> reads FIELD=VALUE arguments.
/// </summary>
public interface IDialogAnswers
{
    /// <summary>The value of a selector's field; <paramref name="current"/> is its default. Null: go back.</summary>
    Task<string?> SelectorValueAsync(Selector selector, string current, IReadOnlyDictionary<string, string> nameValues, CancellationToken cancellationToken);

    /// <summary>A selector's value was refused (<paramref name="problem"/> says why): true to ask
    /// for it again (a user at a prompt), false to end the walk with the problem (a script).</summary>
    bool AskAgain(Selector selector, string problem);

    /// <summary>Sets the dialog's fields. Null: go back; otherwise the errors found (none: build it).</summary>
    Task<IReadOnlyList<string>?> FillAsync(DialogValues values, IReadOnlyDictionary<string, string> nameValues, CancellationToken cancellationToken);
}

/// <summary>Where a walk ended: a built command with the values it came from, a way back, or errors
/// that name the screen. <see cref="Filled"/>: the dialog's fields were set without error (the
/// errors, if any, are the command builder's: a required field left empty).</summary>
public sealed record DialogFlowResult(DialogValues? Values, BuiltCommand? Command, IReadOnlyList<string> Errors, bool Filled = false)
{
    /// <summary>The user went back before the command was built.</summary>
    public bool Back => Command is null && Errors.Count == 0;

    public static DialogFlowResult GoneBack { get; } = new(null, null, []);

    public static DialogFlowResult Fail(params string[] errors) => new(null, null, errors);
}

/// <summary>
/// One dialog flow for every front end but the full screens: from a fast path or screen, through
/// its selectors (each value published as SMIT does, a cooked selector's value classified by its
/// command), the dialog's discover command, the dialog's fields, to the built command. The
/// answers come from <see cref="IDialogAnswers"/>; screen commands run through
/// <see cref="ScreenCommandRunner"/>, and without one a cooked selector is an error and discovery
/// is skipped (its values may come in the first name values).
/// </summary>
public sealed class DialogFlow(MenuTree tree, IDialogAnswers answers, ScreenCommandRunner? run = null)
{
    private readonly MenuTree _tree = tree ?? throw new ArgumentNullException(nameof(tree));
    private readonly IDialogAnswers _answers = answers ?? throw new ArgumentNullException(nameof(answers));

    /// <summary>Walks from the screen a fast path names.</summary>
    public Task<DialogFlowResult> FromFastpathAsync(string fastpath, IReadOnlyDictionary<string, string>? nameValues, CancellationToken cancellationToken) =>
        _tree.Resolve(fastpath) is { } screen
            ? FromAsync(screen, nameValues ?? new Dictionary<string, string>(), cancellationToken)
            : Task.FromResult(DialogFlowResult.Fail($"no screen has the fast path '{fastpath}'"));

    /// <summary>Walks from <paramref name="screen"/> (a selector or a dialog). Going back (null from
    /// the answers) returns to the selector before, as F3 does, and leaves the walk from the first.</summary>
    public async Task<DialogFlowResult> FromAsync(ScreenRef screen, IReadOnlyDictionary<string, string> nameValues, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nameValues);
        var values = new Dictionary<string, string>(nameValues, StringComparer.Ordinal);
        // The selectors answered so far, with the values as they were before each: the way back.
        var trail = new Stack<(ScreenRef Screen, Dictionary<string, string> Values)>();
        while (true)
        {
            if (screen.Kind == NextType.Selector)
            {
                if (trail.Any(step => step.Screen == screen))
                {
                    return DialogFlowResult.Fail($"selector {screen.Id} leads back to itself");
                }
                var selector = _tree.Selectors[screen.Id];
                if (await SelectorAsync(selector, values, cancellationToken).ConfigureAwait(false) is not { } step)
                {
                    if (trail.Count == 0)
                    {
                        return DialogFlowResult.GoneBack;
                    }
                    (screen, values) = trail.Pop();
                    continue;
                }
                if (step.Problem is { } problem)
                {
                    return DialogFlowResult.Fail(problem);
                }
                trail.Push((screen, new Dictionary<string, string>(values, StringComparer.Ordinal)));
                var outcome = SelectorStep.Select(selector, step.Value!, values, step.Classified);
                foreach (var (k, v) in outcome.NameValues)
                {
                    values[k] = v;
                }
                screen = outcome.Next;
                continue;
            }
            if (screen.Kind != NextType.Dialog)
            {
                return DialogFlowResult.Fail($"'{screen.Id}' opens a menu ({_tree.TitleOf(screen)}); a dialog or selector is needed");
            }
            var dialog = _tree.Dialogs[screen.Id];
            var (shown, failure) = await DiscoverAsync(dialog, values, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                return DialogFlowResult.Fail(failure);
            }
            var dialogValues = DialogValues.Open(dialog, shown);
            if (await _answers.FillAsync(dialogValues, shown, cancellationToken).ConfigureAwait(false) is not { } errors)
            {
                if (trail.Count == 0)
                {
                    return DialogFlowResult.GoneBack;
                }
                (screen, values) = trail.Pop();
                continue;
            }
            if (errors.Count > 0)
            {
                return new DialogFlowResult(dialogValues, null, errors);
            }
            var built = CommandBuilder.Build(dialogValues);
            return new DialogFlowResult(dialogValues, built.Command, built.Errors, Filled: true);
        }
    }

    /// <summary>One selector: its value, asked (again while it is refused and the answers can be
    /// asked again) and checked. Null: go back; a problem: the walk ends with it.</summary>
    private async Task<(string? Value, string? Classified, string? Problem)?> SelectorAsync(
        Selector selector, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var field = selector.Field;
        // The field's first value as a dialog would show it: its default, or a value already published.
        var current = DialogValues.Open(new Dialog { Id = selector.Id, Title = selector.Title, Command = "", Fields = [field] }, values)[field];
        while (true)
        {
            if (await _answers.SelectorValueAsync(selector, current, values, cancellationToken).ConfigureAwait(false) is not { } answer)
            {
                return null;
            }
            var (problem, classified) = await CheckSelectorValueAsync(selector, answer, values, cancellationToken).ConfigureAwait(false);
            if (problem is null)
            {
                return (answer, classified, null);
            }
            if (!_answers.AskAgain(selector, problem))
            {
                return (null, null, problem);
            }
        }
    }

    /// <summary>A dialog's discovery (<see cref="DialogDiscovery"/>), run when there is a runner:
    /// the name values with those it publishes, or why they cannot be had.</summary>
    private async Task<(IReadOnlyDictionary<string, string> Values, string? Failure)> DiscoverAsync(
        Dialog dialog, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        if (!DialogDiscovery.Discovers(dialog) || run is null)
        {
            return (new Dictionary<string, string>(values, StringComparer.Ordinal), null);
        }
        var outcome = await DialogDiscovery.RunAsync(dialog, values, run, cancellationToken).ConfigureAwait(false);
        return outcome.Failure is not { } failure
            ? (outcome.Values, null)
            : (values, failure.Unreadable
                ? $"the discovery command of \"{dialog.Title}\" gave output that cannot be read: {failure.Command}: {failure.Why}"
                : $"the discovery command of \"{dialog.Title}\" failed: {failure.Command}: {failure.Why}");
    }

    /// <summary>Whether a selector's value is usable: valid for its field, classified when the
    /// selector is cooked, and leading to a screen that exists. Returns the problem, or the classify output.</summary>
    private async Task<(string? Problem, string? Classified)> CheckSelectorValueAsync(
        Selector selector, string value, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var field = selector.Field;
        if (DialogValues.Validate(field, value) is { } invalid)
        {
            return ($"selector {selector.Id}: {invalid}", null);
        }
        // A ghost selector is only its pop-up pick list (smit.md §3.3): nothing picked, nothing to go on with.
        if (value.Trim().Length == 0 && (selector.Type != SelectorType.JustNext || (selector.Ghost && field.Op == OpType.List && field.ListCommand.Length > 0)))
        {
            return ($"selector {selector.Id} ({selector.Title}) needs a value: give {field.Id}=VALUE", null);
        }
        string? classified = null;
        if (SelectorStep.ClassifyCommand(selector, value, values) is { } classify)
        {
            if (run is null)
            {
                return ($"selector {selector.Id} ({selector.Title}) classifies its value with '{selector.ClassifyCommand}', which needs the cluster", null);
            }
            var result = await run(classify, cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                return ($"selector {selector.Id}: the command {classify} failed: {Why(result)}", null);
            }
            classified = result.Stdout;
        }
        var next = SelectorStep.Select(selector, value, values, classified).Next;
        return _tree.Contains(next)
            ? (null, classified)
            : ($"selector {selector.Id}: '{value}' leads to {next}, which does not exist; choose another {field.Id}", null);
    }

    private static string Why(ScreenCommandResult result) => (result.Stderr.Length > 0 ? result.Stderr : result.Stdout).Trim();
}
