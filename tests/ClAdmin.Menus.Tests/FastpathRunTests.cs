namespace ClAdmin.Menus.Tests;

public sealed class FastpathRunTests
{
    private static readonly MenuTree Tree = Load("""
        {
          "menus": [ { "id": "top", "title": "Top", "items": [
            { "sequence": "010", "text": "Add a Service IP Label", "nextType": "selector", "next": "sip_type" },
            { "sequence": "020", "text": "Change a Group", "nextType": "selector", "next": "chg_grp" } ] } ],
          "selectors": [
            { "id": "sip_type", "title": "Select a Service IP Label type", "type": "raw", "next": "sip_", "nextType": "dialog",
              "fields": [ { "id": "type", "sequence": "0", "label": "Type", "op": "ring", "entry": "none",
                "ring": { "values": ["Configurable on Multiple Nodes", "Bound to a Single Node"], "commandValues": ["multi", "single"] } } ] },
            { "id": "chg_grp", "title": "Change a Group", "next": "chg_grp_dlg", "nextType": "dialog",
              "fields": [ { "id": "group", "sequence": "0", "label": "Resource Group", "op": "list", "listCommand": "clmgr query resource_group" } ] } ],
          "dialogs": [
            { "id": "sip_multi", "title": "Add (multi)", "command": "clmgr add service_ip", "hasNameSelect": true,
              "fields": [ { "id": "label", "sequence": "010", "label": "IP Label/Address", "prefix": "--", "required": "+" } ] },
            { "id": "sip_single", "title": "Add (single)", "command": "clmgr add service_ip", "hasNameSelect": true,
              "fields": [ { "id": "label", "sequence": "010", "label": "IP Label/Address", "prefix": "--", "required": "+" },
                          { "id": "node", "sequence": "020", "label": "Node", "prefix": "NODE=", "required": "+" } ] },
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

    private static string Show(string fastpath, params (string, string)[] fields)
    {
        var plan = FastpathRun.Fill(Tree, fastpath, fields.ToDictionary(f => f.Item1, f => f.Item2));
        Assert.True(plan.Ok, string.Join("\n", plan.Errors));
        var built = CommandBuilder.Build(plan.Values!);
        Assert.True(built.Ok, string.Join("\n", built.Errors));
        return built.Command!.CommandLine;
    }

    [Fact]
    public void A_raw_ring_selector_leads_by_its_command_value() =>
        Assert.Equal("clmgr add service_ip NODE='node1' svc1", Show("sip_type", ("type", "Bound to a Single Node"), ("label", "svc1"), ("node", "node1")));

    [Fact]
    public void A_raw_ring_selector_defaults_to_its_first_value() =>
        Assert.Equal("clmgr add service_ip svc1", Show("sip_type", ("label", "svc1")));

    [Fact]
    public void The_selector_value_reaches_the_dialog_as_rawname() =>
        Assert.Equal("clmgr modify resource_group NODES='n2,n1' rg1", Show("chg_grp", ("group", "rg1"), ("nodes", "n2,n1")));

    [Fact]
    public void Field_ids_are_matched_without_regard_to_case() =>
        Assert.Equal("clmgr modify resource_group rg1", Show("chg_grp", ("GROUP", "rg1")));

    [Fact]
    public void A_dialog_behind_a_selector_is_not_a_fastpath()
    {
        var plan = FastpathRun.Fill(Tree, "chg_grp_dlg", new Dictionary<string, string>());
        Assert.False(plan.Ok);
        Assert.Equal("no screen has the fast path 'chg_grp_dlg'", Assert.Single(plan.Errors));
    }

    [Fact]
    public void A_menu_cannot_be_filled()
    {
        var plan = FastpathRun.Fill(Tree, "top", new Dictionary<string, string>());
        Assert.Contains("opens a menu (Top)", Assert.Single(plan.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "a=1", "b=x=y" }, null)]
    [InlineData(new[] { "novalue" }, "'novalue' is not FIELD=VALUE")]
    [InlineData(new[] { "=v" }, "'=v' is not FIELD=VALUE")]
    [InlineData(new[] { "a=1", "A=2" }, "field 'A' is given twice")]
    public void Assignments_are_field_equals_value(string[] arguments, string? error)
    {
        var (assignments, message) = FastpathRun.ParseAssignments(arguments);
        Assert.Equal(error, message);
        if (error is null)
        {
            Assert.Equal("x=y", assignments["b"]);
        }
    }
}
