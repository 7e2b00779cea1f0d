using ClAdmin.Menus.Model;

namespace ClAdmin.Menus.Tests;

public sealed class SelectorStepTests
{
    private static readonly Dictionary<string, string> None = [];

    private static Selector Make(SelectorType type, string next, string classify = "", string postfix = "", string raw = "", string cooked = "") => new()
    {
        Id = "sel",
        Title = "Select",
        Next = next,
        Type = type,
        ClassifyCommand = classify,
        ClassifyPostfix = postfix,
        RawFieldName = raw.Length > 0 ? raw : "_rawname",
        CookedFieldName = cooked.Length > 0 ? cooked : "_cookedname",
        Field = new Field { Id = "name", Sequence = "0", Label = "Resource Group" },
    };

    [Fact]
    public void Just_next_goes_to_next_and_publishes_the_raw_name()
    {
        var outcome = SelectorStep.Select(Make(SelectorType.JustNext, "cm_chg_grp_dlg"), " rg1 ", None);
        Assert.Equal(new ScreenRef(NextType.Dialog, "cm_chg_grp_dlg"), outcome.Next);
        Assert.Equal("rg1", outcome.NameValues["_rawname"]);
    }

    [Fact]
    public void Raw_appends_the_value_to_the_stem()
    {
        // smit.md 1.2: type r with next_id "clnode_chg_" and node01 opens clnode_chg_node01.
        var outcome = SelectorStep.Select(Make(SelectorType.Raw, "clnode_chg_"), "node01", None);
        Assert.Equal("clnode_chg_node01", outcome.Next.Id);
    }

    [Fact]
    public void Custom_raw_field_name_is_used_and_earlier_values_are_kept()
    {
        var outcome = SelectorStep.Select(Make(SelectorType.JustNext, "d", raw: "group"), "rg2", new Dictionary<string, string> { ["nodes"] = "n1" });
        Assert.Equal("rg2", outcome.NameValues["group"]);
        Assert.Equal("n1", outcome.NameValues["nodes"]);
        Assert.False(outcome.NameValues.ContainsKey("_rawname"));
    }

    [Fact]
    public void Cooked_runs_classify_with_the_quoted_raw_value_and_appends_its_output()
    {
        var selector = Make(SelectorType.Cooked, "cm_add_net_", classify: "clmgr query network_type");
        Assert.Equal("clmgr query network_type 'my net'", SelectorStep.ClassifyCommand(selector, "my net", None));
        var outcome = SelectorStep.Select(selector, "my net", None, "ether\n");
        Assert.Equal("cm_add_net_ether", outcome.Next.Id);
        Assert.Equal("ether", outcome.NameValues["_cookedname"]);
        Assert.Equal("my net", outcome.NameValues["_rawname"]);
    }

    [Fact]
    public void Cooked_output_with_several_fields_uses_the_first_and_publishes_the_rest()
    {
        var outcome = SelectorStep.Select(Make(SelectorType.Cooked, "x_", classify: "c"), "tty0", None, "tty:0#!:1:rs232");
        Assert.Equal("x_tty", outcome.Next.Id);
        Assert.Equal("0:1", outcome.NameValues["_cookedname_2"]);
        Assert.Equal("rs232", outcome.NameValues["_cookedname_3"]);
    }

    [Fact]
    public void Classify_postfix_names_values_to_substitute()
    {
        var selector = Make(SelectorType.Cooked, "x_", classify: "cllsnw -c", postfix: "nodes _rawname");
        var line = SelectorStep.ClassifyCommand(selector, "net1", new Dictionary<string, string> { ["nodes"] = "n1,n2" });
        Assert.Equal("cllsnw -c 'n1,n2' 'net1'", line);
    }

    [Fact]
    public void Not_cooked_has_no_classify_command() =>
        Assert.Null(SelectorStep.ClassifyCommand(Make(SelectorType.Raw, "x_"), "v", None));

    [Fact]
    public void Discovered_values_select_ring_positions_by_shown_or_sent_value()
    {
        var dialog = new Dialog
        {
            Id = "d",
            Title = "D",
            Command = "clmgr modify resource_group",
            Fields =
            [
                new Field { Id = "startup", Sequence = "010", Label = "Startup Policy", DiscoveryName = "STARTUP", Op = OpType.Ring, Entry = EntryType.None,
                    Ring = new Ring(["Online On Home Node Only", "Online On First Available Node"], ["OHN", "OFAN"], 0) },
                new Field { Id = "fallback", Sequence = "020", Label = "Fallback Policy", DiscoveryName = "FALLBACK", Op = OpType.Ring, Entry = EntryType.None,
                    Ring = new Ring(["Fallback To Higher Priority Node In The List", "Never Fallback"], ["FBHPN", "NFB"], 0) },
                new Field { Id = "name", Sequence = "030", Label = "Resource Group Name", DiscoveryName = "_rawname", Prefix = "--", Required = Required.NonBlank },
            ],
        };
        var values = DialogValues.Open(dialog, new Dictionary<string, string> { ["STARTUP"] = "OFAN", ["FALLBACK"] = "Never Fallback", ["_rawname"] = "rg1" });
        Assert.Equal("Online On First Available Node", values[dialog.Fields[0]]);
        Assert.Equal("Never Fallback", values[dialog.Fields[1]]);
        Assert.Equal("rg1", values[dialog.Fields[2]]);
        // Discovered values are defaults: unchanged, only the required name is sent.
        Assert.Equal("clmgr modify resource_group rg1", CommandBuilder.Build(values).Command!.CommandLine);
    }
}
