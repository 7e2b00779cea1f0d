using ClAdmin.Menus.Model;

namespace ClAdmin.Menus;

/// <summary>A dialog reached from a fast path with its values filled, or why it could not be.</summary>
public sealed record FastpathPlan(DialogValues? Values, IReadOnlyList<string> Errors)
{
    public bool Ok => Values is not null;
}

/// <summary>
/// Fills a dialog non-interactively, as `cladmin run FASTPATH FIELD=VALUE ...` does: the fast
/// path is followed through its selectors (each takes its value from the assignment named by
/// its field id), then the dialog's fields are set from the remaining assignments and checked
/// as the dialog would check them. Pure: discovery and classify commands are not run here;
/// their output, when the caller has it, comes in <paramref name="nameValues"/>.
/// </summary>
public static class FastpathRun
{
    public static FastpathPlan Fill(
        MenuTree tree,
        string fastpath,
        IReadOnlyDictionary<string, string> assignments,
        IReadOnlyDictionary<string, string>? nameValues = null)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(assignments);
        if (tree.Resolve(fastpath) is not { } screen)
        {
            return Fail($"no screen has the fast path '{fastpath}'");
        }
        var given = new Dictionary<string, string>(assignments, StringComparer.OrdinalIgnoreCase);
        var values = new Dictionary<string, string>(nameValues ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        while (screen.Kind == NextType.Selector)
        {
            var selector = tree.Selectors[screen.Id];
            if (!visited.Add(selector.Id))
            {
                return Fail($"selector {selector.Id} leads back to itself");
            }
            if (selector.Type == SelectorType.Cooked)
            {
                return Fail($"selector {selector.Id} ({selector.Title}) classifies its value with '{selector.ClassifyCommand}', which needs the cluster");
            }
            var field = selector.Field;
            if (!given.Remove(field.Id, out var value))
            {
                value = field.Ring is { } ring ? ring.Values[Math.Min(ring.DefaultIndex, ring.Values.Count - 1)] : field.Default;
            }
            if (DialogValues.Validate(field, value) is { } invalid)
            {
                return Fail($"selector {selector.Id}: {invalid}");
            }
            if (value.Trim().Length == 0 && selector.Type != SelectorType.JustNext)
            {
                return Fail($"selector {selector.Id} ({selector.Title}) needs a value: give {field.Id}=VALUE");
            }
            var outcome = SelectorStep.Select(selector, value, values);
            foreach (var (k, v) in outcome.NameValues)
            {
                values[k] = v;
            }
            screen = outcome.Next;
            if (!tree.Contains(screen))
            {
                return Fail($"selector {selector.Id}: '{value}' leads to {screen}, which does not exist; choose another {field.Id}");
            }
        }
        if (screen.Kind != NextType.Dialog)
        {
            return Fail($"'{fastpath}' opens a menu ({tree.TitleOf(screen)}); run needs a dialog or selector fast path");
        }
        var dialogValues = DialogValues.Open(tree.Dialogs[screen.Id], values);
        var errors = new List<string>();
        foreach (var (id, value) in given)
        {
            if (dialogValues.Set(id, value) is { } error)
            {
                errors.Add(error);
            }
        }
        return errors.Count > 0 ? new FastpathPlan(null, errors) : new FastpathPlan(dialogValues, []);
    }

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

    private static FastpathPlan Fail(string message) => new(null, [message]);
}
