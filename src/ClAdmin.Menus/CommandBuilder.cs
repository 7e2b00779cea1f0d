using System.Text;
using ClAdmin.Menus.Model;
using ClAdmin.Shell;

namespace ClAdmin.Menus;

/// <summary>
/// SMIT's command generation (smit.md §2): cmd_to_exec, then pass 1 (every field whose prefix
/// does not start with "--", in sequence order, as <c> PREFIX'VALUE'</c>), then pass 2 (the
/// "--" fields as separate words, "--'" fields as one quoted word). A field is included when
/// its value differs from the value first shown, or required is y or +, or required is ? and
/// the value is not empty. Values are trimmed unless the entry type is raw.
///
/// Where SMIT pastes values in verbatim (so a value with a quote could break out), ClAdmin
/// always quotes: no value can end its word or start another command (docs/quoting.md).
/// Additions: cspoc fields render as <c>-cspoc "-n VALUE"</c> / <c>-cspoc "-g VALUE"</c> right after
/// the command word, whenever non-empty; secret fields go to standard input, never onto the line.
/// </summary>
public static class CommandBuilder
{
    /// <summary>Builds the command for the dialog's current values, or says what is missing.</summary>
    public static BuildResult Build(DialogValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var dialog = values.Dialog;
        // Fields in id_seq_num order, compared as strings, as SMIT sorts them.
        var fields = dialog.Fields.OrderBy(f => f.Sequence, StringComparer.Ordinal).ToList();
        var errors = new List<string>();
        foreach (var field in fields)
        {
            var value = values[field];
            if (field.Required == Required.NonBlank && value.Trim().Length == 0)
            {
                errors.Add($"field '{field.Label.Trim()}' ({field.Id}) needs a value");
            }
            else if (DialogValues.Validate(field, value) is { } error)
            {
                errors.Add(error);
            }
        }
        if (errors.Count > 0)
        {
            return new BuildResult(null, errors);
        }

        // C-SPOC commands take -cspoc right after the command word: cl_clstop -cspoc "-n node1" -y ...
        var (head, tail) = SplitAfterCommandWord(dialog.Command.TrimEnd());
        var line = new StringBuilder(head);
        foreach (var field in fields.Where(f => f.Cspoc != CspocOption.None && !f.Secret))
        {
            AppendCspoc(line, field, Value(field, values[field]));
        }
        line.Append(tail);
        var stdin = new List<string>();
        foreach (var field in fields.Where(f => !f.IsPositional && f.Cspoc == CspocOption.None))
        {
            if (field.Secret)
            {
                if (IsIncluded(field, values))
                {
                    stdin.Add(values[field]);
                }
                continue;
            }
            if (IsIncluded(field, values))
            {
                AppendFlag(line, field, CommandValue(field, values));
            }
        }
        foreach (var field in fields.Where(f => f.IsPositional && !f.Secret && f.Cspoc == CspocOption.None))
        {
            if (IsIncluded(field, values))
            {
                AppendPositional(line, field, CommandValue(field, values));
            }
        }
        return new BuildResult(new BuiltCommand(line.ToString(), stdin), []);
    }

    /// <summary>SMIT's inclusion rule.</summary>
    public static bool IsIncluded(Field field, DialogValues values)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(values);
        var now = Value(field, values[field]);
        return field.Required switch
        {
            Required.Yes or Required.NonBlank => true,
            // "?" asks whether there is anything to send: for a ring, its command value.
            Required.UnlessEmpty => (field.Ring is null ? now : CommandValue(field, values)).Length > 0,
            _ => !string.Equals(now, Value(field, values.InitialOf(field)), StringComparison.Ordinal),
        };
    }

    /// <summary>The items of a multi-select value: separated by commas or blanks.</summary>
    public static IReadOnlyList<string> SplitItems(string value) =>
        value.Split([',', ' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);

    private static string Value(Field field, string value) => field.Entry == EntryType.Raw ? value : value.Trim();

    private static string CommandValue(Field field, DialogValues values)
    {
        var shown = values[field];
        return field.Ring is { } ring ? ring.CommandValueAt(ring.IndexOf(shown)) : Value(field, shown);
    }

    private static void AppendFlag(StringBuilder line, Field field, string value)
    {
        if (field.MultiSelect != MultiSelect.Single && field.Ring is null)
        {
            var items = SplitItems(value);
            switch (field.MultiSelect)
            {
                case MultiSelect.Comma:
                    value = string.Join(',', items);
                    break;
                case MultiSelect.Yes:
                    value = string.Join(' ', items);
                    break;
                case MultiSelect.Multiple:
                    foreach (var item in items)
                    {
                        line.Append(' ').Append(field.Prefix).Append(ShellWords.Quote(item));
                    }
                    return;
            }
        }
        if (value.Length == 0 && field.Prefix.Length == 0)
        {
            return; // an empty value with no flag is no argument at all
        }
        line.Append(' ').Append(field.Prefix).Append(ShellWords.Quote(value));
    }

    private static void AppendPositional(StringBuilder line, Field field, string value)
    {
        if (field.Prefix == "--'")
        {
            if (field.MultiSelect == MultiSelect.Comma)
            {
                value = string.Join(',', SplitItems(value));
            }
            line.Append(' ').Append(ShellWords.Quote(value));
            return;
        }
        // "--": SMIT appends the value unquoted, so a list of disks becomes several words.
        // Each word is kept whole: one that needs quoting is quoted.
        IEnumerable<string> words = field.MultiSelect == MultiSelect.Comma
            ? [string.Join(',', SplitItems(value))]
            : value.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var word in words.Where(w => w.Length > 0))
        {
            line.Append(' ').Append(ShellWords.QuoteIfNeeded(word));
        }
    }

    /// <summary>cmd_to_exec split after its command word (leading VAR=value words skipped).</summary>
    private static (string Head, string Tail) SplitAfterCommandWord(string command)
    {
        var i = 0;
        while (i < command.Length)
        {
            while (i < command.Length && command[i] == ' ')
            {
                i++;
            }
            var start = i;
            while (i < command.Length && command[i] != ' ')
            {
                i++;
            }
            if (!CommandCatalog.IsAssignment(command[start..i]))
            {
                return (command[..i], command[i..]);
            }
        }
        return (command, "");
    }

    private static void AppendCspoc(StringBuilder line, Field field, string value)
    {
        var items = SplitItems(value);
        if (items.Count == 0)
        {
            return; // no selection means all nodes
        }
        var option = (field.Cspoc == CspocOption.Nodes ? "-n " : "-g ") + string.Join(',', items);
        line.Append(" -cspoc ").Append(items.All(ShellWords.IsSafe) ? "\"" + option + "\"" : ShellWords.Quote(option));
    }
}
