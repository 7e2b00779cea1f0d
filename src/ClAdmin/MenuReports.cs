using ClAdmin.Menus;
using ClAdmin.Menus.Model;

namespace ClAdmin;

/// <summary>The text of `cladmin menus tree` and `cladmin menus show`.</summary>
public static class MenuReports
{
    /// <summary>Prints the tree below a screen: one line per item, indented two blanks a level,
    /// with the fast path in brackets; a menu already printed is not printed again.</summary>
    public static void Tree(MenuTree tree, ScreenRef start, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(output);
        var printed = new HashSet<ScreenRef>();
        Walk(start, tree.TitleOf(start), 0);

        void Walk(ScreenRef screen, string text, int depth)
        {
            var indent = new string(' ', depth * 2);
            switch (screen.Kind)
            {
                case NextType.Menu:
                    var menu = tree.Menus[screen.Id];
                    if (!printed.Add(screen))
                    {
                        output.WriteLine($"{indent}{text}  [{screen.Id}] (shown above)");
                        return;
                    }
                    output.WriteLine($"{indent}{text}  [{screen.Id}]");
                    foreach (var item in menu.Items)
                    {
                        if (item.NextType == NextType.Info)
                        {
                            if (item.Text.Trim().Length > 0)
                            {
                                output.WriteLine($"{indent}  {item.Text}");
                            }
                            continue;
                        }
                        Walk(new ScreenRef(item.NextType, item.Next), item.Text, depth + 1);
                    }
                    break;
                case NextType.Selector:
                    var selector = tree.Selectors[screen.Id];
                    output.WriteLine($"{indent}{text}  [{screen.Id}] (selector: {selector.Field.Label.Trim()})");
                    if (printed.Add(screen))
                    {
                        foreach (var target in tree.TargetsOf(selector))
                        {
                            Walk(target, tree.TitleOf(target), depth + 1);
                        }
                    }
                    break;
                case NextType.Dialog:
                    var dialog = tree.Dialogs[screen.Id];
                    output.WriteLine($"{indent}{text}  [{screen.Id}] -> {dialog.Command}");
                    break;
            }
        }
    }

    /// <summary>Lists a screen: a dialog's or selector's fields (id, label, type, default,
    /// required, prefix), or a menu's items.</summary>
    public static void Show(MenuTree tree, ScreenRef screen, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(output);
        switch (screen.Kind)
        {
            case NextType.Menu:
                var menu = tree.Menus[screen.Id];
                output.WriteLine($"Menu {menu.Id}: {menu.Title}");
                foreach (var item in menu.Items)
                {
                    output.WriteLine(item.NextType == NextType.Info
                        ? $"  {item.Sequence,-5} {item.Text}"
                        : $"  {item.Sequence,-5} {item.Text}  -> {item.NextType.ToString().ToLowerInvariant()} {item.Next}");
                }
                break;
            case NextType.Selector:
                var selector = tree.Selectors[screen.Id];
                output.WriteLine($"Selector {selector.Id}: {selector.Title}");
                output.WriteLine($"  next: {selector.NextType.ToString().ToLowerInvariant()} {selector.Next} ({Kebab(selector.Type.ToString())}{(selector.Ghost ? ", ghost" : "")})");
                Fields(output, [selector.Field]);
                break;
            case NextType.Dialog:
                var dialog = tree.Dialogs[screen.Id];
                output.WriteLine($"Dialog {dialog.Id}: {dialog.Title}");
                output.WriteLine($"  command: {dialog.Command}");
                if (dialog.DiscoverCommand.Length > 0)
                {
                    output.WriteLine($"  discover: {dialog.DiscoverCommand} {dialog.DiscoverPostfix}".TrimEnd());
                }
                foreach (var extra in dialog.DiscoverAlso)
                {
                    output.WriteLine($"  discover also: {extra.Command} ({string.Join(", ", extra.Names)})");
                }
                var flags = new List<string>();
                if (dialog.Ask) { flags.Add("ask"); }
                if (dialog.Dangerous) { flags.Add("dangerous"); }
                if (dialog.Ghost) { flags.Add("ghost"); }
                if (dialog.Designed) { flags.Add("designed"); }
                if (flags.Count > 0)
                {
                    output.WriteLine($"  {string.Join(", ", flags)}");
                }
                Fields(output, dialog.Fields);
                break;
        }
    }

    private static void Fields(TextWriter output, IReadOnlyList<Field> fields)
    {
        var rows = fields.Select(f => new[]
        {
            f.Id, f.Label.Trim(), TypeOf(f), DefaultOf(f), RequiredOf(f.Required), f.Cspoc switch
            {
                CspocOption.Nodes => "-cspoc \"-n ...\"",
                CspocOption.ResourceGroup => "-cspoc \"-g ...\"",
                _ => f.Secret ? "(stdin)" : f.Prefix,
            },
        }).ToList();
        rows.Insert(0, ["ID", "LABEL", "TYPE", "DEFAULT", "REQUIRED", "PREFIX"]);
        var widths = Enumerable.Range(0, 6).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            output.WriteLine("  " + string.Join("  ", row.Select((cell, c) => c == 5 ? cell : cell.PadRight(widths[c]))).TrimEnd());
        }
    }

    private static string TypeOf(Field f)
    {
        var entry = f.Entry.ToString().ToLowerInvariant();
        var type = f.Op switch
        {
            OpType.Ring => $"ring({string.Join("|", f.Ring!.Values)})",
            OpType.List => $"{entry}+list",
            _ => entry,
        };
        if (f.MultiSelect != MultiSelect.Single)
        {
            type += " multi";
        }
        return f.Secret ? type + " secret" : type;
    }

    private static string DefaultOf(Field f)
    {
        if (f.Ring is { } ring)
        {
            return ring.Values[Math.Min(ring.DefaultIndex, ring.Values.Count - 1)];
        }
        if (f.DiscoveryName.Length > 0)
        {
            return f.Default.Length > 0 ? $"{f.Default} (or {f.DiscoveryName})" : $"({f.DiscoveryName})";
        }
        return f.Default;
    }

    private static string RequiredOf(Required r) => r switch
    {
        Required.Yes => "y",
        Required.NonBlank => "+",
        Required.UnlessEmpty => "?",
        _ => "n",
    };

    private static string Kebab(string s) => s == "JustNext" ? "just-next" : s.ToLowerInvariant();
}
