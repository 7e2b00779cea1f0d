using ClAdmin.Menus.Model;

namespace ClAdmin.Menus;

/// <summary>Where a selector leads once a value is chosen, and the values it publishes.</summary>
public sealed record SelectorOutcome(ScreenRef Next, IReadOnlyDictionary<string, string> NameValues);

/// <summary>
/// A selector's step (smit.md §1.2): the value entered or picked is published as the raw
/// name (default <c>_rawname</c>); a cooked selector hands it to cmd_to_classify and publishes
/// the output as the cooked name (default <c>_cookedname</c>). The next screen is next_id
/// (just-next), next_id + raw value (raw), or next_id + the first colon-separated field of the
/// cooked value (cooked; the further fields are published as _cookedname_2, _cookedname_3, ...).
/// </summary>
public static class SelectorStep
{
    /// <summary>The classify command line for a raw value; null unless the selector is cooked.</summary>
    public static string? ClassifyCommand(Selector selector, string rawValue, IReadOnlyDictionary<string, string> nameValues)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(nameValues);
        if (selector.Type != SelectorType.Cooked)
        {
            return null;
        }
        var values = new Dictionary<string, string>(nameValues, StringComparer.Ordinal) { [selector.RawFieldName] = rawValue };
        var postfix = selector.ClassifyPostfix.Length > 0 ? selector.ClassifyPostfix : selector.RawFieldName;
        return Postfix.Apply(selector.ClassifyCommand, postfix, values);
    }

    /// <summary>Takes the step: the published values (added to those already set) and the next screen.</summary>
    /// <param name="classifyOutput">The output of <see cref="ClassifyCommand"/> for a cooked selector.</param>
    public static SelectorOutcome Select(Selector selector, string rawValue, IReadOnlyDictionary<string, string> nameValues, string? classifyOutput = null)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(nameValues);
        var value = selector.Field.Entry == EntryType.Raw ? rawValue : rawValue.Trim();
        if (selector.Field.Ring is { } ring && ring.IndexOf(value) is var index and >= 0)
        {
            value = ring.CommandValueAt(index); // a ring publishes the value it sends (aix_values)
        }
        var published = new Dictionary<string, string>(nameValues, StringComparer.Ordinal) { [selector.RawFieldName] = value };
        var suffix = "";
        switch (selector.Type)
        {
            case SelectorType.Raw:
                suffix = value;
                break;
            case SelectorType.Cooked:
                var cooked = (classifyOutput ?? throw new ArgumentException("a cooked selector needs the classify output", nameof(classifyOutput)))
                    .TrimEnd('\n', '\r');
                var parts = ColonFormat.SplitValues(cooked.Split('\n')[^1]);
                published[selector.CookedFieldName] = parts[0];
                for (var i = 1; i < parts.Count; i++)
                {
                    published[$"{selector.CookedFieldName}_{i + 1}"] = parts[i];
                }
                suffix = parts[0];
                break;
        }
        return new SelectorOutcome(new ScreenRef(selector.NextType, selector.Next + suffix), published);
    }
}
