using ClAdmin.Menus.Model;
using ClAdmin.Shell;
using ClAdmin.Testing;

namespace ClAdmin.Menus.Tests;

/// <summary>Walks the whole shipped tree: it loads, every screen resolves, every dialog
/// builds a command for its default values, and every command is one the dispatcher knows.</summary>
public sealed class TreeWalkTests
{
    private static readonly Lazy<MenuLoadResult> Shipped = new(() =>
        MenuLoader.Load(MenuFixtures.Shipped(), name => CommandCatalog.Default.Find(name) is not null));

    private static MenuTree Tree
    {
        get
        {
            Assert.True(Shipped.Value.Ok, string.Join(Environment.NewLine, Shipped.Value.Errors));
            return Shipped.Value.Tree!;
        }
    }

    [Fact]
    public void Shipped_menus_load_without_errors()
    {
        Assert.Empty(Shipped.Value.Errors);
        Assert.NotNull(Shipped.Value.Tree);
    }

    [Theory]
    [InlineData("hacmp", NextType.Menu, "HACMP for AIX")]
    [InlineData("cl_admin", NextType.Menu, "System Management (C-SPOC)")]
    [InlineData("clstart", NextType.Dialog, "Start Cluster Services")]
    [InlineData("clstop", NextType.Dialog, "Stop Cluster Services")]
    public void Known_fastpaths_open_their_real_titles(string fastpath, NextType kind, string title)
    {
        var screen = Tree.Resolve(fastpath);
        Assert.NotNull(screen);
        Assert.Equal(kind, screen.Value.Kind);
        Assert.Equal(title, Tree.TitleOf(screen.Value));
    }

    // The HACMP fast paths named in powerha-menus.md §3 and the seed notes.
    [Theory]
    [InlineData("hacmp")]
    [InlineData("sysmirror")]
    [InlineData("cl_admin")]
    [InlineData("cspoc")]
    [InlineData("clstart")]
    [InlineData("clstop")]
    [InlineData("cl_stop")]
    [InlineData("cl_usergroup")]
    [InlineData("cl_chpasswd")]
    [InlineData("cl_convg")]
    [InlineData("cl_conlv")]
    [InlineData("cl_lvm")]
    [InlineData("cl_vg")]
    [InlineData("cl_lv")]
    [InlineData("cl_fs")]
    [InlineData("cl_mkvg")]
    [InlineData("cm_cfg_appmon")]
    [InlineData("clverify.dialog")]
    [InlineData("cl_sync")]
    [InlineData("cm_ver_and_sync")]
    [InlineData("cm_add_grp")]
    [InlineData("cm_add_res")]
    [InlineData("hacmp_testtool_menu")]
    [InlineData("mkvg")]
    [InlineData("importvg")]
    [InlineData("crjfs")]
    [InlineData("lvm")]
    public void Hacmp_fastpaths_resolve(string fastpath)
    {
        var screen = Tree.Resolve(fastpath);
        Assert.True(screen is not null, $"fast path {fastpath} does not resolve");
        Assert.True(Tree.Contains(screen.Value));
    }

    [Fact]
    public void Every_fastpath_resolves_to_an_existing_screen()
    {
        var tree = Tree;
        Assert.All(tree.Fastpaths, fp => Assert.True(tree.Contains(tree.Resolve(fp)!.Value), fp));
    }

    [Fact]
    public void Every_menu_item_leads_to_an_existing_screen_of_its_kind()
    {
        var tree = Tree;
        foreach (var menu in tree.Menus.Values)
        {
            foreach (var item in menu.Items.Where(i => i.NextType != NextType.Info))
            {
                Assert.True(tree.Contains(new ScreenRef(item.NextType, item.Next)), $"{menu.Id}: {item.Text} -> {item.NextType} {item.Next}");
            }
        }
    }

    [Fact]
    public void Every_dialog_builds_a_known_command_for_its_default_values()
    {
        var failures = new List<string>();
        foreach (var dialog in Tree.Dialogs.Values)
        {
            var values = DialogValues.Open(dialog, SampleNameValues(dialog));
            foreach (var field in dialog.Fields.Where(f => f.Required == Required.NonBlank && values[f].Trim().Length == 0))
            {
                if (values.Set(field, SampleValue(field)) is { } error)
                {
                    failures.Add($"{dialog.Id}: {error}");
                }
            }
            var result = CommandBuilder.Build(values);
            if (!result.Ok)
            {
                failures.Add($"{dialog.Id}: {string.Join("; ", result.Errors)}");
                continue;
            }
            var line = result.Command!.CommandLine;
            try
            {
                ShellWords.Split(line);
            }
            catch (FormatException e)
            {
                failures.Add($"{dialog.Id}: '{line}' cannot be split: {e.Message}");
            }
            var name = CommandCatalog.CommandNameOf(line);
            if (name is null || CommandCatalog.Default.Find(name) is null)
            {
                failures.Add($"{dialog.Id}: command '{name}' is not in commands.json");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Every_list_discover_and_classify_command_is_known()
    {
        var tree = Tree;
        var lines = tree.Dialogs.Values.SelectMany(d => d.Fields.Select(f => f.ListCommand).Append(d.DiscoverCommand).Concat(d.DiscoverAlso.Select(x => x.Command)))
            .Concat(tree.Selectors.Values.SelectMany(s => new[] { s.Field.ListCommand, s.ClassifyCommand }))
            .Where(l => l.Trim().Length > 0);
        Assert.All(lines, l => Assert.NotNull(CommandCatalog.Default.Find(CommandCatalog.CommandNameOf(l) ?? "?")));
    }

    [Fact]
    public void No_secret_field_can_reach_the_command_line()
    {
        var secrets = Tree.Dialogs.Values.SelectMany(d => d.Fields).Where(f => f.Secret).ToList();
        Assert.All(secrets, f => Assert.Equal("", f.Prefix));
    }

    [Fact]
    public void The_tree_is_complete_enough_to_be_the_hacmp_and_cl_admin_trees()
    {
        var tree = Tree;
        // Below hacmp: the four top items of HACMP 5.x (powerha-menus.md §1), as real hosts see it
        // (the simulator adds ClAdmin's own Cluster Simulation menu).
        var top = tree.ForTransport("ssh").Menus["hacmp"].Items.Where(i => i.NextType != NextType.Info).Select(i => i.Text).ToList();
        Assert.Equal(
            ["Initialization and Standard Configuration", "Extended Configuration", "System Management (C-SPOC)", "Problem Determination Tools"],
            top);
        Assert.True(tree.Dialogs.Count >= 150, $"only {tree.Dialogs.Count} dialogs");
        Assert.True(tree.Menus.Count >= 50, $"only {tree.Menus.Count} menus");
    }

    private static Dictionary<string, string> SampleNameValues(Dialog dialog) =>
        dialog.Fields.Where(f => f.DiscoveryName.Length > 0 && f.Ring is null)
            .GroupBy(f => f.DiscoveryName)
            .ToDictionary(g => g.Key, g => SampleValue(g.First()), StringComparer.Ordinal);

    private static string SampleValue(Field field) => field.Entry switch
    {
        EntryType.Numeric => "1",
        EntryType.Hex => "0x1",
        EntryType.File => "/tmp/sample",
        _ => "sample1",
    };
}
