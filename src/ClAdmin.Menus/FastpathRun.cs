using ClAdmin.Menus.Model;

namespace ClAdmin.Menus;

/// <summary>A dialog reached from a fast path with its values filled, or why it could not be.</summary>
public sealed record FastpathPlan(DialogValues? Values, IReadOnlyList<string> Errors)
{
    public bool Ok => Values is not null;
}

/// <summary>
/// Fills a dialog non-interactively, as `cladmin run FASTPATH FIELD=VALUE ...` does: the
/// <see cref="DialogFlow"/> follows the fast path through its selectors (each takes its value from
/// the assignment named by its field id, else its default), then the dialog's fields are set from
/// the remaining assignments and checked as the dialog would check them.
/// </summary>
public static class FastpathRun
{
    /// <summary>The answers a script gives: FIELD=VALUE assignments, matched to field ids without regard to case.
    /// With the <paramref name="tree"/>, a selector's value may also be given by the id of the field of the
    /// dialog it leads to that shows it (the one discovering the selector's raw name: snapshot_name= for
    /// Apply a Cluster Snapshot, as `cladmin menus show` of the dialog lists it).</summary>
    public sealed class Assignments(IReadOnlyDictionary<string, string> assignments, MenuTree? tree = null) : IDialogAnswers
    {
        private readonly Dictionary<string, string> _given = new(assignments, StringComparer.OrdinalIgnoreCase);

        public Task<string?> SelectorValueAsync(Selector selector, string current, IReadOnlyDictionary<string, string> nameValues, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(selector);
            if (_given.Remove(selector.Field.Id, out var value))
            {
                return Task.FromResult<string?>(value);
            }
            var shown = selector.NextType == NextType.Dialog && tree is not null && tree.Dialogs.TryGetValue(selector.Next, out var dialog)
                ? dialog.Fields.FirstOrDefault(f => f.DiscoveryName == selector.RawFieldName && _given.ContainsKey(f.Id))
                : null;
            return Task.FromResult<string?>(shown is not null && _given.Remove(shown.Id, out value) ? value : current);
        }

        /// <summary>A script cannot be asked again: the walk ends with the problem.</summary>
        public bool AskAgain(Selector selector, string problem) => false;

        public Task<IReadOnlyList<string>?> FillAsync(DialogValues values, IReadOnlyDictionary<string, string> nameValues, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(values);
            var errors = new List<string>();
            foreach (var (id, value) in _given)
            {
                if (values.Set(id, value) is { } error)
                {
                    errors.Add(error);
                }
            }
            return Task.FromResult<IReadOnlyList<string>?>(errors);
        }
    }

    /// <summary>Fills the dialog a fast path leads to, running its screen commands (classify,
    /// discover) with <paramref name="run"/>; without it a cooked selector is an error and
    /// discovery is skipped (<paramref name="nameValues"/> may hold what it would give).</summary>
    public static async Task<FastpathPlan> FillAsync(
        MenuTree tree,
        string fastpath,
        IReadOnlyDictionary<string, string> assignments,
        ScreenCommandRunner? run,
        IReadOnlyDictionary<string, string>? nameValues = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(assignments);
        var result = await new DialogFlow(tree, new Assignments(assignments, tree), run)
            .FromFastpathAsync(fastpath, nameValues, cancellationToken).ConfigureAwait(false);
        // Filled: the values as given; the caller builds the command (after reading secret fields, say).
        return result is { Filled: true, Values: { } values }
            ? new FastpathPlan(values, [])
            : new FastpathPlan(null, result.Errors);
    }

    /// <summary>The same, pure: no screen command runs.</summary>
    public static FastpathPlan Fill(
        MenuTree tree,
        string fastpath,
        IReadOnlyDictionary<string, string> assignments,
        IReadOnlyDictionary<string, string>? nameValues = null) =>
        // Without a runner every step completes synchronously.
        FillAsync(tree, fastpath, assignments, run: null, nameValues).GetAwaiter().GetResult();

    /// <summary>Reads FIELD=VALUE arguments; the error names the argument that is not of that form.</summary>
    public static (Dictionary<string, string> Assignments, string? Error) ParseAssignments(IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var argument in arguments)
        {
            var eq = argument.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return (result, $"'{argument}' is not FIELD=VALUE");
            }
            var name = argument[..eq];
            if (!result.TryAdd(name, argument[(eq + 1)..]))
            {
                return (result, $"field '{name}' is given twice");
            }
        }
        return (result, null);
    }
}
