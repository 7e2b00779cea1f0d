using ClAdmin.Menus.Model;
using ClAdmin.Shell;

namespace ClAdmin.Menus.Tests;

/// <summary>Good-path behaviour of <see cref="MenuLoader"/> on small inline trees.</summary>
public sealed class LoaderTests
{
    private static readonly Func<string, bool> IsKnownCommand = name => CommandCatalog.Default.Find(name) is not null;

    /// <summary>A top menu, a sub menu opened by an item, a selector, a name-select dialog,
    /// a plain dialog and aliases.</summary>
    private const string SmallTree = """
        {
          "menus": [
            {
              "id": "top",
              "title": "Top Menu",
              "items": [
                { "sequence": "010", "text": "  Cluster Nodes  ", "nextType": "menu", "next": "nodes" },
                { "sequence": "020", "text": "", "nextType": "info" },
                { "sequence": "030", "text": "Show Cluster", "nextType": "dialog", "next": "show_cluster" }
              ]
            },
            {
              "id": "nodes",
              "items": [
                { "sequence": "010", "text": "Change/Show a Node", "nextType": "selector", "next": "pick_node" }
              ]
            }
          ],
          "aliases": [
            { "alias": "chnode", "next": "pick_node", "nextType": "selector" },
            { "alias": "sc", "next": "show_cluster", "nextType": "dialog" }
          ],
          "selectors": [
            {
              "id": "pick_node",
              "title": "Select a Node",
              "next": "change_node",
              "nextType": "dialog",
              "fields": [
                { "id": "node", "sequence": "0", "label": "Node Name", "op": "list", "listCommand": "clmgr query node" }
              ]
            }
          ],
          "dialogs": [
            {
              "id": "change_node",
              "title": "Change/Show a Node",
              "command": "clmgr modify node",
              "hasNameSelect": true,
              "fields": [
                { "id": "name", "sequence": "010", "label": "Node Name", "prefix": "--", "discoveryName": "_rawname" }
              ]
            },
            {
              "id": "show_cluster",
              "title": "Show Cluster",
              "command": "clmgr query cluster",
              "fields": []
            }
          ]
        }
        """;

    private static MenuLoadResult Load(params (string Name, string Json)[] files) =>
        MenuLoader.Load(files.Select(f => new MenuSource(f.Name, f.Json)), IsKnownCommand);

    private static MenuTree LoadOk(params (string Name, string Json)[] files)
    {
        var result = Load(files);
        Assert.True(result.Ok, string.Join(Environment.NewLine, result.Errors));
        Assert.Empty(result.Errors);
        return result.Tree!;
    }

    /// <summary>A one-file tree: a top menu with one item opening a dialog with the given field lines.</summary>
    private static string DialogTree(string fields, string command = "clmgr query cluster") => $$"""
        {
          "menus": [
            { "id": "top", "title": "Top Menu", "items": [
              { "sequence": "010", "text": "Show Cluster", "nextType": "dialog", "next": "show_cluster" } ] }
          ],
          "dialogs": [
            { "id": "show_cluster", "title": "Show Cluster", "command": "{{command}}", "fields": [
        {{fields}}
            ] }
          ]
        }
        """;

    [Fact]
    public void A_valid_tree_loads()
    {
        var tree = LoadOk(("menus.json", SmallTree));

        Assert.Equal(["nodes", "top"], tree.Menus.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["pick_node"], tree.Selectors.Keys);
        Assert.Equal(["change_node", "show_cluster"], tree.Dialogs.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["chnode", "sc"], tree.Aliases.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("menus.json", tree.Dialogs["change_node"].File);
        Assert.Equal("menus.json", tree.Menus["top"].File);
    }

    [Fact]
    public void A_tree_spread_over_two_files_loads()
    {
        const string top = """
            {
              "menus": [
                { "id": "top", "title": "Top Menu", "items": [
                  { "sequence": "010", "text": "More", "nextType": "menu", "next": "more" } ] }
              ]
            }
            """;
        const string more = """
            {
              "menus": [
                { "id": "more", "items": [
                  { "sequence": "010", "text": "Show Cluster", "nextType": "dialog", "next": "show_cluster" } ] }
              ],
              "dialogs": [
                { "id": "show_cluster", "title": "Show Cluster", "command": "clmgr query cluster", "fields": [] }
              ]
            }
            """;

        var tree = LoadOk(("a.json", top), ("b.json", more));

        Assert.Equal("More", tree.Menus["more"].Title);
        Assert.Equal("b.json", tree.Dialogs["show_cluster"].File);
    }

    [Fact]
    public void A_menu_title_comes_from_the_text_of_the_item_that_opens_it()
    {
        var tree = LoadOk(("menus.json", SmallTree));

        Assert.Equal("Cluster Nodes", tree.Menus["nodes"].Title);
        Assert.Equal("Cluster Nodes", tree.TitleOf(new ScreenRef(NextType.Menu, "nodes")));
        Assert.Equal("Top Menu", tree.Menus["top"].Title);
        Assert.Equal("Select a Node", tree.TitleOf(new ScreenRef(NextType.Selector, "pick_node")));
        Assert.Equal("Show Cluster", tree.TitleOf(new ScreenRef(NextType.Dialog, "show_cluster")));
    }

    [Fact]
    public void A_menu_opened_by_several_items_with_the_same_text_takes_that_text()
    {
        const string json = """
            {
              "menus": [
                { "id": "top", "title": "Top Menu", "items": [
                  { "sequence": "010", "text": "Tools", "nextType": "menu", "next": "tools" },
                  { "sequence": "020", "text": "Tools ", "nextType": "menu", "next": "tools" } ] },
                { "id": "tools", "items": [
                  { "sequence": "010", "text": "Show Cluster", "nextType": "dialog", "next": "show_cluster" } ] }
              ],
              "dialogs": [
                { "id": "show_cluster", "title": "Show Cluster", "command": "clmgr query cluster", "fields": [] }
              ]
            }
            """;

        Assert.Equal("Tools", LoadOk(("menus.json", json)).Menus["tools"].Title);
    }

    [Fact]
    public void Menu_items_are_sorted_by_sequence_as_strings()
    {
        const string json = """
            {
              "menus": [
                { "id": "top", "title": "Top Menu", "items": [
                  { "sequence": "100", "text": "Hundred", "nextType": "info" },
                  { "sequence": "9", "text": "Nine", "nextType": "info" },
                  { "sequence": "020", "text": "Twenty", "nextType": "dialog", "next": "show_cluster" },
                  { "sequence": "010", "text": "Ten", "nextType": "info" } ] }
              ],
              "dialogs": [
                { "id": "show_cluster", "title": "Show Cluster", "command": "clmgr query cluster", "fields": [] }
              ]
            }
            """;

        var items = LoadOk(("menus.json", json)).Menus["top"].Items;

        // Compared as strings, like SMIT's id_seq_num: "9" sorts after "100".
        Assert.Equal(["010", "020", "100", "9"], items.Select(i => i.Sequence));
        Assert.Equal(["Ten", "Twenty", "Hundred", "Nine"], items.Select(i => i.Text));
    }

    [Fact]
    public void Dialog_fields_are_sorted_by_sequence_as_strings()
    {
        var json = DialogTree("""
            { "id": "c", "sequence": "100", "label": "C" },
            { "id": "a", "sequence": "010", "label": "A" },
            { "id": "d", "sequence": "9", "label": "D" },
            { "id": "b", "sequence": "020", "label": "B" }
            """);

        var fields = LoadOk(("menus.json", json)).Dialogs["show_cluster"].Fields;

        Assert.Equal(["010", "020", "100", "9"], fields.Select(f => f.Sequence));
        Assert.Equal(["a", "b", "c", "d"], fields.Select(f => f.Id));
    }

    [Fact]
    public void Aliases_menus_selectors_and_plain_dialogs_are_fast_paths()
    {
        var tree = LoadOk(("menus.json", SmallTree));

        Assert.Equal(new ScreenRef(NextType.Selector, "pick_node"), tree.Resolve("chnode"));
        Assert.Equal(new ScreenRef(NextType.Dialog, "show_cluster"), tree.Resolve("sc"));
        Assert.Equal(new ScreenRef(NextType.Menu, "top"), tree.Resolve("top"));
        Assert.Equal(new ScreenRef(NextType.Menu, "nodes"), tree.Resolve("nodes"));
        Assert.Equal(new ScreenRef(NextType.Selector, "pick_node"), tree.Resolve("pick_node"));
        Assert.Equal(new ScreenRef(NextType.Dialog, "show_cluster"), tree.Resolve("show_cluster"));
        Assert.Null(tree.Resolve("no_such_screen"));
    }

    [Fact]
    public void A_dialog_with_hasNameSelect_is_not_a_fast_path_but_is_in_the_tree()
    {
        var tree = LoadOk(("menus.json", SmallTree));

        Assert.Null(tree.Resolve("change_node"));
        Assert.True(tree.Dialogs["change_node"].HasNameSelect);
        Assert.True(tree.Contains(new ScreenRef(NextType.Dialog, "change_node")));
        Assert.DoesNotContain("change_node", tree.Fastpaths);
        Assert.Equal(["chnode", "nodes", "pick_node", "sc", "show_cluster", "top"], tree.Fastpaths);
    }

    [Fact]
    public void A_selector_with_hasNameSelect_is_not_a_fast_path()
    {
        var json = SmallTree.Replace("\"title\": \"Select a Node\",", "\"title\": \"Select a Node\", \"hasNameSelect\": true,", StringComparison.Ordinal);

        var tree = LoadOk(("menus.json", json));

        Assert.True(tree.Selectors["pick_node"].HasNameSelect);
        Assert.Null(tree.Resolve("pick_node"));
        Assert.Equal(new ScreenRef(NextType.Selector, "pick_node"), tree.Resolve("chnode"));
    }

    [Fact]
    public void A_raw_selector_leads_to_every_screen_whose_id_starts_with_its_stem()
    {
        const string json = """
            {
              "menus": [
                { "id": "top", "title": "Top Menu", "items": [
                  { "sequence": "010", "text": "Change an Object", "nextType": "selector", "next": "pick_object" },
                  { "sequence": "020", "text": "Show Cluster", "nextType": "dialog", "next": "show_cluster" } ] }
              ],
              "selectors": [
                { "id": "pick_object", "title": "Select an Object", "type": "raw", "next": "chg_", "nextType": "dialog",
                  "fields": [ { "id": "kind", "sequence": "0", "label": "Object Type", "op": "ring", "ring": { "values": ["node", "site"] } } ] }
              ],
              "dialogs": [
                { "id": "chg_site", "title": "Change a Site", "command": "clmgr modify site", "hasNameSelect": true, "fields": [] },
                { "id": "show_cluster", "title": "Show Cluster", "command": "clmgr query cluster", "fields": [] },
                { "id": "chg_node", "title": "Change a Node", "command": "clmgr modify node", "hasNameSelect": true, "fields": [] }
              ]
            }
            """;

        var tree = LoadOk(("menus.json", json));
        var selector = tree.Selectors["pick_object"];

        Assert.Equal(SelectorType.Raw, selector.Type);
        Assert.Equal(
            [new ScreenRef(NextType.Dialog, "chg_node"), new ScreenRef(NextType.Dialog, "chg_site")],
            tree.TargetsOf(selector));
    }

    [Fact]
    public void A_just_next_selector_leads_to_its_next_id()
    {
        var tree = LoadOk(("menus.json", SmallTree));
        var selector = tree.Selectors["pick_node"];

        Assert.Equal(SelectorType.JustNext, selector.Type);
        Assert.Equal([new ScreenRef(NextType.Dialog, "change_node")], tree.TargetsOf(selector));
    }

    [Fact]
    public void Field_defaults_follow_the_schema()
    {
        var json = DialogTree("""{ "id": "name", "sequence": "010", "label": "Cluster Name" }""");

        var field = Assert.Single(LoadOk(("menus.json", json)).Dialogs["show_cluster"].Fields);

        Assert.Equal(OpType.None, field.Op);
        Assert.Equal(EntryType.Text, field.Entry);
        Assert.Equal(Required.No, field.Required);
        Assert.Equal(ListMode.All, field.ListMode);
        Assert.Equal(MultiSelect.Single, field.MultiSelect);
        Assert.Equal(CspocOption.None, field.Cspoc);
        Assert.Equal("", field.Prefix);
        Assert.Equal("", field.Default);
        Assert.Equal("", field.ListCommand);
        Assert.Equal("", field.DiscoveryName);
        Assert.Equal(0, field.Size);
        Assert.Null(field.Ring);
        Assert.False(field.Secret);
        Assert.False(field.ClearAfterSuccess);
        Assert.False(field.IsPositional);
    }

    [Fact]
    public void Dialog_and_selector_defaults_follow_the_schema()
    {
        var tree = LoadOk(("menus.json", SmallTree));
        var dialog = tree.Dialogs["show_cluster"];
        var selector = tree.Selectors["pick_node"];

        Assert.Equal('p', dialog.ExecMode);
        Assert.False(dialog.Ask);
        Assert.False(dialog.Dangerous);
        Assert.False(dialog.Ghost);
        Assert.False(dialog.HasNameSelect);
        Assert.Equal("", dialog.DiscoverCommand);
        Assert.Equal("_rawname", selector.RawFieldName);
        Assert.Equal("_cookedname", selector.CookedFieldName);
        Assert.False(selector.Ghost);
        Assert.Equal("0", selector.Field.Sequence);
    }

    [Fact]
    public void Field_properties_are_read()
    {
        var json = DialogTree("""
            { "id": "verbose", "sequence": "010", "label": "Verbose", "op": "ring", "required": "+", "prefix": "-v ",
              "ring": { "values": ["no", "yes"], "commandValues": ["", "true"], "defaultIndex": 1 } },
            { "id": "nodes", "sequence": "020", "label": "Nodes", "op": "list", "listCommand": "clmgr query node",
              "listMode": "1", "multiSelect": ",", "cspoc": "n", "entry": "none", "size": 12 },
            { "id": "name", "sequence": "030", "label": "Name", "prefix": "--'", "default": "c1", "required": "?" }
            """);

        var fields = LoadOk(("menus.json", json)).Dialogs["show_cluster"].Fields;

        var ring = fields[0].Ring;
        Assert.NotNull(ring);
        Assert.Equal(["no", "yes"], ring.Values);
        Assert.Equal(["", "true"], ring.CommandValues!);
        Assert.Equal(1, ring.DefaultIndex);
        Assert.Equal(Required.NonBlank, fields[0].Required);
        Assert.Equal(OpType.List, fields[1].Op);
        Assert.Equal(ListMode.First, fields[1].ListMode);
        Assert.Equal(MultiSelect.Comma, fields[1].MultiSelect);
        Assert.Equal(CspocOption.Nodes, fields[1].Cspoc);
        Assert.Equal(EntryType.None, fields[1].Entry);
        Assert.Equal(12, fields[1].Size);
        Assert.True(fields[2].IsPositional);
        Assert.Equal("c1", fields[2].Default);
        Assert.Equal(Required.UnlessEmpty, fields[2].Required);
    }

    [Fact]
    public void A_command_behind_assignments_and_a_path_is_known()
    {
        var json = DialogTree(
            """{ "id": "nodes", "sequence": "010", "label": "Nodes", "cspoc": "n" }""",
            "_SPOC_FORCE=Y /usr/es/sbin/cluster/sbin/cl_rc.cluster -boot");

        LoadOk(("menus.json", json));
    }

    [Fact]
    public void Commands_are_not_checked_without_a_predicate()
    {
        var json = DialogTree("""{ "id": "name", "sequence": "010", "label": "Name" }""", "frobnicate -v");

        Assert.True(MenuLoader.Load([new MenuSource("menus.json", json)]).Ok);
        var checkedResult = Load(("menus.json", json));
        Assert.False(checkedResult.Ok);
        Assert.Contains(checkedResult.Errors, e => e.Pointer == "/dialogs/0/command" && e.Message.Contains("'frobnicate'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dialog_reads_its_further_discover_commands_and_each_is_checked()
    {
        static string Tree(string also) => DialogTree("""{ "id": "name", "sequence": "010", "label": "Name" }""")
            .Replace("\"fields\": [", also + ", \"fields\": [", StringComparison.Ordinal);

        var dialog = LoadOk(("menus.json", Tree("""
            "discoverAlso": [ { "command": "clmgr -c query cluster", "names": [ "SITES" ] } ]
            """))).Dialogs["show_cluster"];
        var also = Assert.Single(dialog.DiscoverAlso);
        Assert.Equal("clmgr -c query cluster", also.Command);
        Assert.Equal(["SITES"], also.Names);

        var unknown = Load(("menus.json", Tree("""
            "discoverAlso": [ { "command": "frobnicate -c", "names": [ "SITES" ] } ]
            """)));
        Assert.Contains(unknown.Errors, e => e.Pointer == "/dialogs/0/discoverAlso/0/command" && e.Message.Contains("'frobnicate'", StringComparison.Ordinal));

        var noNames = Load(("menus.json", Tree("""
            "discoverAlso": [ { "command": "clmgr -c query cluster" } ]
            """)));
        Assert.False(noNames.Ok);
        Assert.Contains(noNames.Errors, e => e.Pointer.StartsWith("/dialogs/0/discoverAlso/0", StringComparison.Ordinal));
    }

    [Fact]
    public void An_error_prints_as_file_line_pointer_message()
    {
        const string json = """
            {
              "menus": [
                { "id": "top", "title": "Top Menu", "items": [
                  { "sequence": "010", "text": "Notes", "nextType": "info", "next": "top" } ] }
              ]
            }
            """;

        var error = Assert.Single(Load(("menus.json", json)).Errors);

        Assert.Equal("menus.json", error.File);
        Assert.Equal("/menus/0/items/0/next", error.Pointer);
        Assert.Equal(4, error.Line);
        Assert.Equal($"menus.json:4: /menus/0/items/0/next: {error.Message}", error.ToString());
        Assert.Equal("menus.json:4: /menus/0/items/0/next: menu top: an info item leads nowhere, so it takes no next id", error.ToString());
    }

    [Fact]
    public void An_error_without_a_line_prints_as_file_pointer_message()
    {
        Assert.Equal("a.json: /menus/0: oops", new MenuError("a.json", "/menus/0", null, "oops").ToString());
    }

    [Fact]
    public void Loading_fails_whole_when_one_file_is_broken()
    {
        const string good = """
            {
              "menus": [
                { "id": "top", "title": "Top Menu", "items": [
                  { "sequence": "010", "text": "Show Cluster", "nextType": "dialog", "next": "show_cluster" } ] }
              ],
              "dialogs": [
                { "id": "show_cluster", "title": "Show Cluster", "command": "clmgr query cluster", "fields": [] }
              ]
            }
            """;
        const string broken = """
            {
              "menus": [
                { "id": "other", "title": "Other Menu", "items": [
                  { "sequence": "010", "text": "Show Nodes", "nextType": "dialog", "next": "show_nodes" } ] }
              ],
              "dialogs": [
                { "id": "show_nodes", "title": "Show Nodes", "command": "clmgr query node", "fields": [
                  { "id": "mode", "sequence": "010", "label": "Mode", "op": "ring" } ] }
              ]
            }
            """;

        Assert.True(Load(("a.json", good)).Ok);
        var result = Load(("a.json", good), ("b.json", broken));

        Assert.False(result.Ok);
        Assert.Null(result.Tree);
        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e => Assert.Equal("b.json", e.File));
    }

    [Fact]
    public void Loading_fails_whole_when_one_file_is_not_json()
    {
        const string good = """
            {
              "menus": [
                { "id": "top", "title": "Top Menu", "items": [
                  { "sequence": "010", "text": "", "nextType": "info" } ] }
              ]
            }
            """;

        var result = Load(("a.json", good), ("b.json", "{ \"menus\": [ }"));

        Assert.Null(result.Tree);
        var error = Assert.Single(result.Errors);
        Assert.Equal("b.json", error.File);
        Assert.Equal("", error.Pointer);
        Assert.Equal(1, error.Line);
        Assert.StartsWith("not valid JSON", error.Message, StringComparison.Ordinal);
    }
}
