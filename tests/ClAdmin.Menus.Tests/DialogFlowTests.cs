using ClAdmin.Menus.Model;

namespace ClAdmin.Menus.Tests;

/// <summary>The one walk from a selector to a built command, answered by a scripted user.</summary>
public sealed class DialogFlowTests
{
    private static readonly MenuTree Tree = Load("""
        {
          "menus": [ { "id": "top", "title": "Top", "items": [
            { "sequence": "010", "text": "Change a Group", "nextType": "selector", "next": "chg_grp" },
            { "sequence": "020", "text": "Change a Group by Kind", "nextType": "selector", "next": "kind" } ] } ],
          "selectors": [
            { "id": "chg_grp", "title": "Change a Group", "next": "chg_grp_dlg", "nextType": "dialog",
              "fields": [ { "id": "group", "sequence": "0", "label": "Resource Group", "op": "list", "listCommand": "clmgr query resource_group" } ] },
            { "id": "kind", "title": "Select a kind", "type": "raw", "next": "chg_grp_", "nextType": "dialog",
              "fields": [ { "id": "kind", "sequence": "0", "label": "Kind" } ] } ],
          "dialogs": [
            { "id": "chg_grp_dlg", "title": "Change a Group", "command": "clmgr modify resource_group", "hasNameSelect": true,
              "fields": [ { "id": "name", "sequence": "010", "label": "Resource Group Name", "entry": "none", "discoveryName": "_rawname", "prefix": "--", "required": "+" },
                          { "id": "nodes", "sequence": "020", "label": "Participating Nodes", "prefix": "NODES=" } ] }
          ]
        }
        """);

    private static MenuTree Load(string json)
    {
        var result = MenuLoader.Load([new MenuSource("t.json", json)]);
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        return result.Tree!;
    }

    /// <summary>A user at a prompt: selector answers and dialog fills in order (null: go back).</summary>
    private sealed class Scripted(Queue<string?> selectorAnswers, Queue<bool> fills) : IDialogAnswers
    {
        public List<string> Asked { get; } = [];

        public Task<string?> SelectorValueAsync(Selector selector, string current, IReadOnlyDictionary<string, string> nameValues, CancellationToken cancellationToken)
        {
            Asked.Add(selector.Id);
            return Task.FromResult(selectorAnswers.Dequeue());
        }

        public bool AskAgain(Selector selector, string problem) => true;

        public Task<IReadOnlyList<string>?> FillAsync(DialogValues values, IReadOnlyDictionary<string, string> nameValues, CancellationToken cancellationToken)
        {
            Asked.Add(values.Dialog.Id);
            return Task.FromResult<IReadOnlyList<string>?>(fills.Dequeue() ? [] : null);
        }
    }

    [Fact]
    public async Task Going_back_from_the_dialog_returns_to_its_selector()
    {
        var user = new Scripted(new(["rg1", "rg2"]), new([false, true]));

        var result = await new DialogFlow(Tree, user).FromAsync(new ScreenRef(NextType.Selector, "chg_grp"), new Dictionary<string, string>(), default);

        Assert.Equal(["chg_grp", "chg_grp_dlg", "chg_grp", "chg_grp_dlg"], user.Asked);
        Assert.Equal("clmgr modify resource_group rg2", result.Command!.CommandLine);
    }

    [Fact]
    public async Task Going_back_from_the_first_selector_leaves_the_walk()
    {
        var user = new Scripted(new([null]), new());

        var result = await new DialogFlow(Tree, user).FromAsync(new ScreenRef(NextType.Selector, "chg_grp"), new Dictionary<string, string>(), default);

        Assert.True(result.Back);
    }

    [Fact]
    public async Task A_refused_selector_value_is_asked_again_at_a_prompt()
    {
        // "nowhere" leads to chg_grp_nowhere, which does not exist: asked again, "dlg" leads on.
        var user = new Scripted(new(["nowhere", "dlg"]), new([true]));

        var result = await new DialogFlow(Tree, user).FromAsync(new ScreenRef(NextType.Selector, "kind"), new Dictionary<string, string> { ["_rawname"] = "rg1" }, default);

        Assert.Equal(["kind", "kind", "chg_grp_dlg"], user.Asked);
        Assert.Equal("clmgr modify resource_group dlg", result.Command!.CommandLine);
    }
}
