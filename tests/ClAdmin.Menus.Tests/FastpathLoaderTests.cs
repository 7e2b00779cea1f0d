using System.Text;
using ClAdmin.Menus.Model;
using ClAdmin.Shell;
using ClAdmin.Testing;

namespace ClAdmin.Menus.Tests;

/// <summary>
/// Issue 18 §4: `cladmin run FASTPATH` loads only the screens its fast path reaches. What it
/// builds must fill every dialog exactly as the full tree does; where it cannot answer (a menu,
/// a name no file defines, a file that is not JSON) it says so and the whole tree is loaded.
/// </summary>
public sealed class FastpathLoaderTests
{
    private static readonly Lazy<MenuTree> Full = new(() =>
    {
        var loaded = MenuLoader.Load(MenuFixtures.Shipped(), name => CommandCatalog.Default.Find(name) is not null);
        Assert.True(loaded.Ok, string.Join(Environment.NewLine, loaded.Errors));
        return loaded.Tree!;
    });

    private static readonly Lazy<IReadOnlyList<MenuBytes>> ShippedBytes = new(() =>
        [.. Directory.GetFiles(RepoPaths.Menus, "*.json").Order(StringComparer.Ordinal)
            .Select(f => new MenuBytes(Path.GetFileName(f), File.ReadAllBytes(f)))]);

    private static IReadOnlyList<MenuBytes> Files(params (string Name, string Json)[] files) =>
        [.. files.Select(f => new MenuBytes(f.Name, Encoding.UTF8.GetBytes(f.Json)))];

    /// <summary>What filling a fast path with no values gives: the dialog and its command, or the errors.</summary>
    private static string Outcome(MenuTree tree, string fastpath)
    {
        var plan = FastpathRun.Fill(tree, fastpath, new Dictionary<string, string>());
        if (!plan.Ok)
        {
            return "errors: " + string.Join(" | ", plan.Errors);
        }
        var built = CommandBuilder.Build(plan.Values!);
        return $"dialog {plan.Values!.Dialog.Id}: {built.Command?.CommandLine} {string.Join(" | ", built.Errors)}";
    }

    public static TheoryData<string> ShippedNames()
    {
        var tree = MenuLoader.Load(MenuFixtures.Shipped()).Tree!;
        var names = new TheoryData<string>();
        foreach (var id in tree.Aliases.Keys.Concat(tree.Menus.Keys).Concat(tree.Selectors.Keys).Concat(tree.Dialogs.Keys).Order(StringComparer.Ordinal))
        {
            names.Add(id);
        }
        return names;
    }

    [Theory]
    [MemberData(nameof(ShippedNames))]
    public void Every_shipped_name_fills_as_on_the_full_tree(string name)
    {
        var partial = FastpathLoader.Load(ShippedBytes.Value, name);
        if (Full.Value.Resolve(name) is { Kind: NextType.Menu })
        {
            Assert.Null(partial); // a menu: the whole tree is loaded
            return;
        }
        Assert.NotNull(partial);
        foreach (var transport in new[] { "sim", "ssh" })
        {
            Assert.Equal(Outcome(Full.Value.ForTransport(transport), name), Outcome(partial.ForTransport(transport), name));
        }
    }

    private const string Aliases = """
        { "aliases": [ { "alias": "mkthing", "next": "thing_type", "nextType": "selector" } ] }
        """;

    private const string Selectors = """
        { "selectors": [
            { "id": "thing_type", "title": "Select a Thing type", "type": "raw", "next": "mkthing_", "nextType": "dialog",
              "fields": [ { "id": "type", "sequence": "0", "label": "Type", "op": "ring", "entry": "none",
                "ring": { "values": ["Small", "Large"], "commandValues": ["small", "large"] } } ] } ],
          "dialogs": [
            { "id": "mkthing_small", "title": "Make a small thing", "command": "mkthing -s", "hasNameSelect": true,
              "fields": [ { "id": "name", "sequence": "010", "label": "Name", "prefix": "--", "required": "+" } ] } ] }
        """;

    private const string Dialogs = """
        { "dialogs": [
            { "id": "mkthing_large", "title": "Make a large thing", "command": "mkthing -l", "hasNameSelect": true,
              "fields": [ { "id": "size", "sequence": "020", "label": "Size", "prefix": "-z " },
                          { "id": "name", "sequence": "010", "label": "Name", "prefix": "--", "required": "+" } ] } ] }
        """;

    private const string Unrelated = """
        { "menus": [ { "id": "other", "title": "Other", "items": [ { "sequence": "010", "text": "Remove", "nextType": "dialog", "next": "rmthing" } ] } ],
          "dialogs": [ { "id": "rmthing", "title": "Remove a thing", "command": "rmthing", "fields": [] } ] }
        """;

    [Fact]
    public void An_alias_leads_through_a_selector_in_another_file_to_dialogs_in_two_files()
    {
        var tree = FastpathLoader.Load(Files(("a.json", Aliases), ("b.json", Selectors), ("c.json", Dialogs), ("d.json", Unrelated)), "mkthing");
        Assert.NotNull(tree);
        // Only what the fast path reaches: the other file's menu and dialog are not built.
        Assert.Equal(["mkthing"], tree.Aliases.Keys);
        Assert.Equal(["thing_type"], tree.Selectors.Keys);
        Assert.Equal(["mkthing_large", "mkthing_small"], tree.Dialogs.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(tree.Menus);
        Assert.Equal(["010", "020"], tree.Dialogs["mkthing_large"].Fields.Select(f => f.Sequence)); // in sequence order
        var plan = FastpathRun.Fill(tree, "mkthing", new Dictionary<string, string> { ["type"] = "Large", ["name"] = "t1", ["size"] = "9" });
        Assert.True(plan.Ok, string.Join("\n", plan.Errors));
        Assert.Equal("mkthing -l -z '9' t1", CommandBuilder.Build(plan.Values!).Command!.CommandLine);
    }

    [Fact]
    public void A_dialog_behind_a_selector_is_still_not_a_fastpath()
    {
        var tree = FastpathLoader.Load(Files(("b.json", Selectors), ("c.json", Dialogs)), "mkthing_large");
        Assert.NotNull(tree);
        Assert.Equal("errors: no screen has the fast path 'mkthing_large'", Outcome(tree, "mkthing_large"));
    }

    [Fact]
    public void A_menu_an_unknown_name_or_a_broken_file_naming_the_screen_load_the_whole_tree()
    {
        var files = Files(("a.json", Aliases), ("b.json", Selectors), ("c.json", Dialogs), ("d.json", Unrelated));
        Assert.NotNull(FastpathLoader.Load(files, "mkthing"));
        Assert.Null(FastpathLoader.Load(files, "other"));
        Assert.Null(FastpathLoader.Load(files, "no_such_screen"));
        Assert.Null(FastpathLoader.Load([new MenuBytes("0.json", Encoding.UTF8.GetBytes("{ \"aliases\": [ { \"alias\": \"mkthing\" ")), .. files], "mkthing"));
        // A file that does not name any screen the fast path reaches is not read at all.
        Assert.NotNull(FastpathLoader.Load([.. files, new MenuBytes("e.json", Encoding.UTF8.GetBytes("{ \"dialogs\": [ "))], "mkthing"));
    }

    [Fact]
    public void A_name_is_a_screen_only_where_the_loader_reads_one()
    {
        // Field ids, ids inside strings and keys of other top-level members are not screens; a comment is skipped.
        var files = Files(("a.json", """
            // dlg: a note
            { "note": { "id": "not_a_screen" }, "text": "\"dialogs\": [ { \"id\": \"quoted\" } ]",
              "dialogs": [ { "title": "A \"quoted\" {title} [x]", "id": "dlg", "command": "mkthing",
                             "fields": [ { "id": "field_id", "sequence": "010", "label": "Name" } ] } ] }
            """));
        Assert.NotNull(FastpathLoader.Load(files, "dlg"));
        Assert.Null(FastpathLoader.Load(files, "not_a_screen"));
        Assert.Null(FastpathLoader.Load(files, "quoted"));
        Assert.Null(FastpathLoader.Load(files, "field_id"));
    }
}
