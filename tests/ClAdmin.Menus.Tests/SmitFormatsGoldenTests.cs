using ClAdmin.Menus.Model;
using ClAdmin.Shell;

namespace ClAdmin.Menus.Tests;

/// <summary>
/// Golden cases for SMIT's text formats: the colon format of cmd_to_discover (smit.md 1.6),
/// cmd_to_list output with heading and comment lines and cmd_to_list_mode (smit.md 1.4), and
/// the *_postfix descriptors (smit.md 1.6, suggested clone rule).
/// </summary>
public sealed class SmitFormatsGoldenTests
{
    // ---------------------------------------------------------------- ColonFormat

    [Fact]
    public void Colon_format_names_and_values()
    {
        var values = ColonFormat.Parse("#NAME:NODES:STARTUP\nrg1:node1 node2:OHN\n");

        Assert.Equal(3, values.Count);
        Assert.Equal("rg1", values["NAME"]);
        Assert.Equal("node1 node2", values["NODES"]);
        Assert.Equal("OHN", values["STARTUP"]);
    }

    [Fact]
    public void Colon_format_from_a_cspoc_query_takes_the_first_node_record()
    {
        // cl_lsuser -c USER answers from every node, each line prefixed "node: " as C-SPOC prints it.
        var values = ColonFormat.Parse("node1: #name:id:shell\nnode1: jdoe:300:/usr/bin/ksh\nnode2: #name:id:shell\nnode2: jdoe:301:/usr/bin/ksh\n");

        Assert.Equal("jdoe", values["name"]);
        Assert.Equal("300", values["id"]);
        Assert.Equal("/usr/bin/ksh", values["shell"]);
    }

    [Fact]
    public void Colon_format_escaped_colon_in_a_value()
    {
        // "A colon inside a value must be written as #!:"
        var values = ColonFormat.Parse("#TIMER:ADDR:NAME\n12#!:30#!:00:fe80#!:#!:1:rg1\n");

        Assert.Equal("12:30:00", values["TIMER"]);
        Assert.Equal("fe80::1", values["ADDR"]);
        Assert.Equal("rg1", values["NAME"]);
    }

    [Fact]
    public void Colon_format_empty_values_and_missing_trailing_values()
    {
        var values = ColonFormat.Parse("#a:b:c:d\nx::z\n");

        Assert.Equal("x", values["a"]);
        Assert.Equal("", values["b"]);
        Assert.Equal("z", values["c"]);
        Assert.Equal("", values["d"]);
    }

    [Fact]
    public void Colon_format_header_only_gives_empty_values_and_crlf_is_accepted()
    {
        var headerOnly = ColonFormat.Parse("#a:b\n");
        Assert.Equal("", headerOnly["a"]);
        Assert.Equal("", headerOnly["b"]);

        var crlf = ColonFormat.Parse("\r\n#a:b\r\n1:2\r\n");
        Assert.Equal("1", crlf["a"]);
        Assert.Equal("2", crlf["b"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a:b\n1:2\n")]   // no '#' header
    [InlineData("#a\n1:2\n")]     // more values than names
    public void Colon_format_malformed_output_is_refused(string output) =>
        Assert.Throws<FormatException>(() => ColonFormat.Parse(output));

    [Fact]
    public void Colon_format_writes_escapes_and_reads_them_back()
    {
        var pairs = new[]
        {
            new KeyValuePair<string, string>("_rawname", "rg1"),
            new KeyValuePair<string, string>("TIME", "12:30"),
            new KeyValuePair<string, string>("EMPTY", ""),
        };

        var text = ColonFormat.Format(pairs);
        Assert.Equal("#_rawname:TIME:EMPTY\nrg1:12#!:30:\n", text);
        var back = ColonFormat.Parse(text);
        Assert.Equal("rg1", back["_rawname"]);
        Assert.Equal("12:30", back["TIME"]);
        Assert.Equal("", back["EMPTY"]);
    }

    [Fact]
    public void Colon_format_discovered_values_open_a_dialog()
    {
        var dialog = new Dialog
        {
            Id = "chrg",
            Title = "Change RG",
            Command = "clmgr modify resource_group",
            Fields =
            [
                new Field { Id = "rg", Sequence = "010", Label = "Resource Group Name", Prefix = "--", Required = Required.NonBlank, DiscoveryName = "NAME" },
                new Field { Id = "misc", Sequence = "020", Label = "Miscellaneous Data", Prefix = "MISC_DATA=", DiscoveryName = "MISC_DATA" },
            ],
        };
        var values = DialogValues.Open(dialog, ColonFormat.Parse("#NAME:MISC_DATA\nrg1:a#!:b\n"));
        Assert.Equal("a:b", values[dialog.Fields[1]]);
        Assert.Equal("clmgr modify resource_group rg1", CommandBuilder.Build(values).Command!.CommandLine);

        Assert.Null(values.Set("misc", "c:d"));
        Assert.Equal("clmgr modify resource_group MISC_DATA='c:d' rg1", CommandBuilder.Build(values).Command!.CommandLine);
    }

    // ---------------------------------------------------------------- ListOutput

    private const string RgList =
        "#Group Name     State      Node\n" +
        "rg1             ONLINE     node1\n" +
        "   # primary instance\n" +
        "#   second comment line\n" +
        "\n" +
        "rg2\tOFFLINE\tnode2   \n";

    [Fact]
    public void List_output_heading_items_and_comments()
    {
        var list = ListOutput.Parse(RgList);

        Assert.Equal("#Group Name     State      Node", list.Heading);
        Assert.Equal(2, list.Items.Count);
        Assert.Equal("rg1             ONLINE     node1", list.Items[0].Text);
        Assert.Equal(["   # primary instance", "#   second comment line"], list.Items[0].Comments);
        Assert.Equal("rg2\tOFFLINE\tnode2", list.Items[1].Text);
        Assert.Empty(list.Items[1].Comments);
    }

    [Theory]
    [InlineData(ListMode.First, 0, "rg1")]
    [InlineData(ListMode.Second, 0, "ONLINE")]
    [InlineData(ListMode.All, 0, "rg1             ONLINE     node1")]
    [InlineData(ListMode.First, 1, "rg2")]
    [InlineData(ListMode.Second, 1, "OFFLINE")]
    [InlineData(ListMode.All, 1, "rg2\tOFFLINE\tnode2")]
    public void List_modes_pick_the_value(ListMode mode, int item, string expected) =>
        Assert.Equal(expected, ListOutput.Parse(RgList).Items[item].ValueFor(mode));

    [Fact]
    public void List_without_heading_and_a_second_field_that_is_missing()
    {
        var list = ListOutput.Parse("\n\nnode1\n  # node comment\nnode2\n");

        Assert.Null(list.Heading);
        Assert.Equal(["node1", "node2"], list.Items.Select(i => i.Text));
        Assert.Equal(["  # node comment"], list.Items[0].Comments);
        Assert.Equal("", list.Items[0].ValueFor(ListMode.Second));
        Assert.Equal("node1", list.Items[0].ValueFor(ListMode.First));
    }

    [Fact]
    public void List_heading_after_leading_blank_lines_and_comment_before_any_item_is_dropped()
    {
        var list = ListOutput.Parse("\n#PVID  hdisk\n# orphan comment\n00f6 hdisk2\n");

        Assert.Equal("#PVID  hdisk", list.Heading);
        var item = Assert.Single(list.Items);
        Assert.Equal("00f6 hdisk2", item.Text);
        Assert.Empty(item.Comments);
        Assert.Equal("hdisk2", item.ValueFor(ListMode.Second));
    }

    [Fact]
    public void List_in_the_aix_colon_format_lists_the_names()
    {
        // lsuser -c ALL (aix-commands.md 2.4): a #name:attr heading, then name:value records.
        var list = ListOutput.Parse("#name:id:pgrp:home\nroot:0:system:/\njdoe:300:staff:/home/jdoe\n");

        Assert.Equal(["root", "jdoe"], list.Items.Select(i => i.Text));
        Assert.Equal("jdoe", list.Items[1].ValueFor(ListMode.First));
        Assert.Equal("jdoe", list.Items[1].ValueFor(ListMode.All));
    }

    [Fact]
    public void List_from_several_nodes_shows_each_item_once_in_the_order_first_seen()
    {
        (string, string)[] users = [("node1", "#name:id\nroot:0\njdoe:300\n"), ("node2", "#name:id\nroot:0\nonly2:444\njdoe:300\n"), ("node3", "")];
        var list = ListOutput.Merge(users, ListMode.First);

        // Names in the colon format: each once, with the nodes that have it beside it; a pick gives the name.
        Assert.Equal(["root     node1,node2", "jdoe     node1,node2", "only2    node2"], list.Items.Select(i => i.Text));
        Assert.Equal("#name    nodes", list.Heading);
        Assert.Equal("only2", list.Items[2].ValueFor(ListMode.First));
        // A list that hands on the whole line gets the names alone.
        Assert.Equal(["root", "jdoe", "only2"], ListOutput.Merge(users, ListMode.All).Items.Select(i => i.Text));
        var plain = ListOutput.Merge([("node1", "#Group  State\nrg1  ONLINE\n"), ("node2", "#Group  State\nrg1  ONLINE\nrg2  OFFLINE\n")], ListMode.First);
        Assert.Equal("#Group  State", plain.Heading);
        Assert.Equal(["rg1  ONLINE", "rg2  OFFLINE"], plain.Items.Select(i => i.Text));
    }

    [Fact]
    public void List_empty_output_has_no_items()
    {
        var list = ListOutput.Parse("");
        Assert.Null(list.Heading);
        Assert.Empty(list.Items);
    }

    // ---------------------------------------------------------------- Postfix

    [Fact]
    public void Postfix_rawname_is_substituted_quoted()
    {
        // smit.md 1.6: "clnodeshow -c" + "_rawname" runs clnodeshow -c 'node01'
        var line = Postfix.Apply("clnodeshow -c", "_rawname", new Dictionary<string, string> { ["_rawname"] = "node01" });
        Assert.Equal("clnodeshow -c 'node01'", line);
    }

    [Fact]
    public void Postfix_unknown_tokens_are_appended_as_written()
    {
        var values = new Dictionary<string, string> { ["_rawname"] = "rg1", ["_cookedname"] = "rg1 ONLINE" };
        var line = Postfix.Apply("clmgr -c query resource_group", "-v _rawname  _cookedname unknown_name", values);

        Assert.Equal("clmgr -c query resource_group -v 'rg1' 'rg1 ONLINE' unknown_name", line);
        Assert.Equal(["clmgr", "-c", "query", "resource_group", "-v", "rg1", "rg1 ONLINE", "unknown_name"], ShellWords.Split(line));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Postfix_empty_leaves_the_command_alone(string postfix) =>
        Assert.Equal("lsvg -l", Postfix.Apply("lsvg -l", postfix, new Dictionary<string, string> { ["_rawname"] = "vg01" }));

    [Theory]
    [InlineData("rg1; reboot", """clRGinfo 'rg1; reboot'""")]
    [InlineData("a'b", """clRGinfo 'a'\''b'""")]
    [InlineData("$(id)", """clRGinfo '$(id)'""")]
    [InlineData("x\ny", """clRGinfo $'x\ny'""")]
    [InlineData("", "clRGinfo ''")]
    public void Postfix_hostile_value_stays_one_word(string value, string expected)
    {
        var line = Postfix.Apply("clRGinfo", "_rawname", new Dictionary<string, string> { ["_rawname"] = value });

        Assert.Equal(expected, line);
        Assert.Equal(["clRGinfo", value], ShellWords.Split(line));
    }
}
