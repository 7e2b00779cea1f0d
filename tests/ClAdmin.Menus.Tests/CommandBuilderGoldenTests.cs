using ClAdmin.Menus.Model;
using ClAdmin.Shell;

namespace ClAdmin.Menus.Tests;

/// <summary>
/// Golden command lines for SMIT's command generation (smit.md 1.4, 1.6, 2; powerha-menus.md 4
/// and 7). Every expected line is written by hand from the reference, with ClAdmin's documented
/// deviations: values are always quoted safely ('\'' for a quote, $'...' for control
/// characters), "--" words that need it are quoted, an empty value with an empty prefix emits
/// nothing, cspoc fields emit -cspoc "-n ..." / "-g ..." whenever non-empty, secrets go to stdin.
/// </summary>
public sealed class CommandBuilderGoldenTests
{
    // ---------------------------------------------------------------- helpers

    private static Field Fld(string id, string seq, string prefix = "", Required required = Required.No, string def = "") =>
        new() { Id = id, Sequence = seq, Label = id.ToUpperInvariant(), Prefix = prefix, Required = required, Default = def };

    private static Field RingFld(string id, string seq, string prefix, Required required, string[] shown, string[]? sent, int index) =>
        new()
        {
            Id = id,
            Sequence = seq,
            Label = id.ToUpperInvariant(),
            Prefix = prefix,
            Required = required,
            Op = OpType.Ring,
            Entry = EntryType.None,
            Ring = new Ring(shown, sent, index),
        };

    private static Dialog Dlg(string command, params Field[] fields) =>
        new() { Id = "golden_dlg", Title = "Golden", Command = command, Fields = fields };

    private static DialogValues Open(Dialog dialog, params (string Name, string Value)[] nameValues) =>
        DialogValues.Open(dialog, nameValues.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal));

    private static void Set(DialogValues values, string id, string value)
    {
        var error = values.Set(id, value);
        Assert.Null(error);
    }

    private static BuiltCommand BuildOk(DialogValues values)
    {
        var result = CommandBuilder.Build(values);
        Assert.True(result.Ok, string.Join(" | ", result.Errors));
        Assert.Empty(result.Errors);
        return result.Command!;
    }

    private static string Line(DialogValues values) => BuildOk(values).CommandLine;

    // ---------------------------------------------------------------- smit.md 2.2 observed lines

    [Fact]
    public void Mklv_observed_line_positionals_after_flags_even_with_lower_sequence()
    {
        // /usr/sbin/mklv -y'data_lv' -t'jfs2' data_vg 2039   (smit.md 2.2)
        var dialog = Dlg("/usr/sbin/mklv",
            Fld("vg_name", "010", "--", Required.NonBlank) with { DiscoveryName = "_rawname", Entry = EntryType.None },
            Fld("lps", "020", "--", Required.NonBlank) with { Entry = EntryType.Numeric },
            Fld("pvs", "030", "--") with { MultiSelect = MultiSelect.Yes, Op = OpType.List },
            Fld("lv_name", "040", "-y"),
            Fld("lv_type", "050", "-t"));
        var values = Open(dialog, ("_rawname", "data_vg"));
        Set(values, "lv_name", "data_lv");
        Set(values, "lv_type", "jfs2");
        Set(values, "lps", "2039");

        Assert.Equal("/usr/sbin/mklv -y'data_lv' -t'jfs2' data_vg 2039", Line(values));
    }

    [Fact]
    public void Mklv_second_observed_line_rings_with_aix_values_and_multi_word_positional()
    {
        // /usr/sbin/mklv -y'db_ctl1' -t'jfs2' -T O -a'c' -u'4' -L'db_ctl1' -x'512' '-S8K' oradbvg 8 hdisk22 hdisk23
        // ("-T O" is not reproducible from a field: SMIT would have quoted a value after it; it is left out.)
        var dialog = Dlg("/usr/sbin/mklv",
            Fld("vg_name", "010", "--", Required.NonBlank) with { DiscoveryName = "_rawname", Entry = EntryType.None },
            Fld("lps", "020", "--", Required.NonBlank) with { Entry = EntryType.Numeric },
            Fld("pvs", "030", "--") with { MultiSelect = MultiSelect.Yes, Op = OpType.List },
            Fld("lv_name", "040", "-y"),
            Fld("lv_type", "050", "-t"),
            RingFld("position", "060", "-a", Required.No,
                ["outer_middle", "outer_edge", "center", "inner_middle", "inner_edge"], ["m", "e", "c", "im", "ie"], 0),
            Fld("upper_bound", "070", "-u") with { Entry = EntryType.Numeric },
            Fld("label", "080", "-L"),
            Fld("max_lps", "090", "-x", Required.Yes, "512") with { Entry = EntryType.Numeric },
            RingFld("stripe", "100", "", Required.No, ["Not Striped", "4K", "8K", "16K"], ["", "-S4K", "-S8K", "-S16K"], 0));
        var values = Open(dialog, ("_rawname", "oradbvg"));
        Set(values, "lv_name", "db_ctl1");
        Set(values, "lv_type", "jfs2");
        Set(values, "position", "center");
        Set(values, "upper_bound", "4");
        Set(values, "label", "db_ctl1");
        Set(values, "stripe", "8K");
        Set(values, "lps", "8");
        Set(values, "pvs", "hdisk22 hdisk23");

        Assert.Equal("/usr/sbin/mklv -y'db_ctl1' -t'jfs2' -a'c' -u'4' -L'db_ctl1' -x'512' '-S8K' oradbvg 8 hdisk22 hdisk23", Line(values));
    }

    private static Dialog CrfsDialog(string[] automountSent) => Dlg("/usr/sbin/crfs -v jfs2",
        Fld("lv", "010", "-d", Required.NonBlank) with { DiscoveryName = "_rawname", Entry = EntryType.None },
        Fld("mount_point", "020", "-m", Required.NonBlank) with { Entry = EntryType.File },
        RingFld("automount", "030", "-A", Required.Yes, ["no", "yes"], automountSent, 0),
        RingFld("permissions", "040", "-p", Required.Yes, ["read/write", "read-only"], ["rw", "ro"], 0),
        RingFld("agblksize", "050", "-a agblksize=", Required.Yes, ["4096", "512", "1024", "2048"], null, 0),
        RingFld("isnapshot", "060", "-a isnapshot=", Required.Yes, ["no", "yes"], null, 0));

    [Fact]
    public void Crfs_observed_line_prefix_with_attribute_name()
    {
        // /usr/sbin/crfs -v jfs2 -d'lv' -m'/mnt' -A'yes' -p'rw' -a agblksize='4096' -a isnapshot='no'
        var values = Open(CrfsDialog(["no", "yes"]), ("_rawname", "lv"));
        Set(values, "mount_point", "/mnt");
        Set(values, "automount", "yes");

        Assert.Equal("/usr/sbin/crfs -v jfs2 -d'lv' -m'/mnt' -A'yes' -p'rw' -a agblksize='4096' -a isnapshot='no'", Line(values));
    }

    [Fact]
    public void Crfs_aix_value_that_breaks_out_of_its_quotes_is_kept_literal()
    {
        // SMIT: -A''`locale yesstr | awk -F: '{print $1}'`''  (runs the back-quoted command).
        // ClAdmin quotes every value safely, so the back quotes reach crfs as text.
        const string trick = "'`locale yesstr | awk -F: '{print $1}'`'";
        var values = Open(CrfsDialog(["no", trick]), ("_rawname", "lv"));
        Set(values, "mount_point", "/mnt");
        Set(values, "automount", "yes");

        var line = Line(values);
        Assert.Equal("""/usr/sbin/crfs -v jfs2 -d'lv' -m'/mnt' -A''\''`locale yesstr | awk -F: '\''{print $1}'\''`'\''' -p'rw' -a agblksize='4096' -a isnapshot='no'""", line);
        Assert.Equal(
            ["/usr/sbin/crfs", "-v", "jfs2", "-dlv", "-m/mnt", "-A" + trick, "-prw", "-a", "agblksize=4096", "-a", "isnapshot=no"],
            ShellWords.Split(line));
    }

    [Fact]
    public void Mkuser_observed_line_attribute_prefixes_land_in_pass_one()
    {
        // mkuser id='10241' pgrp='dba' groups='dba,staff' home='/opt/bmc' patrol
        var dialog = Dlg("mkuser",
            Fld("user_name", "010", "--", Required.NonBlank),
            RingFld("admin", "015", "admin=", Required.No, ["false", "true"], null, 0),
            Fld("id", "020", "id=") with { Entry = EntryType.Numeric },
            Fld("pgrp", "030", "pgrp=") with { Op = OpType.List },
            Fld("groups", "040", "groups=") with { Op = OpType.List, MultiSelect = MultiSelect.Comma },
            Fld("home", "050", "home=") with { Entry = EntryType.File });
        var values = Open(dialog);
        Set(values, "user_name", "patrol");
        Set(values, "id", "10241");
        Set(values, "pgrp", "dba");
        Set(values, "groups", "dba staff");
        Set(values, "home", "/opt/bmc");

        Assert.Equal("mkuser id='10241' pgrp='dba' groups='dba,staff' home='/opt/bmc' patrol", Line(values));
    }

    private static Dialog MkgroupDialog() => Dlg("mkgroup",
        RingFld("admin", "010", "-", Required.No, ["false", "true"], ["", "A"], 0),
        Fld("group_name", "020", "--", Required.NonBlank));

    [Theory]
    [InlineData("true")] // set by the word shown
    [InlineData("A")]    // set by the word sent (aix_values)
    public void Mkgroup_observed_line_ring_aix_value_after_dash_prefix(string admin)
    {
        // mkgroup -'A' dbsysadm
        var values = Open(MkgroupDialog());
        Set(values, "group_name", "dbsysadm");
        Set(values, "admin", admin);

        Assert.Equal("mkgroup -'A' dbsysadm", Line(values));
    }

    [Fact]
    public void Mkgroup_ring_left_at_default_is_not_sent()
    {
        var values = Open(MkgroupDialog());
        Set(values, "group_name", "dbsysadm");

        Assert.Equal("mkgroup dbsysadm", Line(values));
    }

    [Fact]
    public void Mkres_observed_line_prefix_ending_in_blank_and_quoted_ring_flags()
    {
        // mkres -N 'name' -t 'mksysb' -s 'server' -l '/vol/x' '-m' -S'source'  -f'e' '-T' '-A'
        // The double blank in SMIT's line is an empty piece; ClAdmin emits nothing for it.
        var dialog = Dlg("mkres",
            Fld("name", "010", "-N ", Required.NonBlank),
            Fld("type", "020", "-t ", Required.Yes, "mksysb") with { Entry = EntryType.None },
            Fld("server", "030", "-s ", Required.NonBlank),
            Fld("location", "040", "-l ", Required.NonBlank),
            RingFld("mksysb_flag", "050", "", Required.Yes, ["no", "yes"], ["", "-m"], 0),
            Fld("source", "060", "-S"),
            Fld("empty_piece", "065", "", Required.Yes),
            RingFld("format", "070", "-f", Required.No, ["a", "e"], null, 0),
            RingFld("tcb", "080", "", Required.No, ["no", "yes"], ["", "-T"], 0),
            RingFld("alloc", "090", "", Required.No, ["no", "yes"], ["", "-A"], 0));
        var values = Open(dialog);
        Set(values, "name", "name");
        Set(values, "server", "server");
        Set(values, "location", "/vol/x");
        Set(values, "mksysb_flag", "yes");
        Set(values, "source", "source");
        Set(values, "format", "e");
        Set(values, "tcb", "yes");
        Set(values, "alloc", "yes");

        Assert.Equal("mkres -N 'name' -t 'mksysb' -s 'server' -l '/vol/x' '-m' -S'source' -f'e' '-T' '-A'", Line(values));
    }

    // ---------------------------------------------------------------- inclusion rule (smit.md 1.4 required, 2.1 step 2)

    [Theory]
    [InlineData(Required.No, "d", null, "cmd")]
    [InlineData(Required.No, "d", "e", "cmd -x'e'")]
    [InlineData(Required.No, "d", "d", "cmd")]
    [InlineData(Required.No, "d", "  d  ", "cmd")]   // trimmed before the changed test
    [InlineData(Required.No, "", null, "cmd")]
    [InlineData(Required.No, "d", "", "cmd -x''")]  // changed to empty: prefix and empty value
    [InlineData(Required.Yes, "d", null, "cmd -x'd'")]
    [InlineData(Required.Yes, "d", "e", "cmd -x'e'")]
    [InlineData(Required.Yes, "", null, "cmd -x''")]
    [InlineData(Required.Yes, "d", "", "cmd -x''")]
    [InlineData(Required.NonBlank, "d", null, "cmd -x'd'")]
    [InlineData(Required.NonBlank, "d", "e", "cmd -x'e'")]
    [InlineData(Required.UnlessEmpty, "d", null, "cmd -x'd'")]
    [InlineData(Required.UnlessEmpty, "d", "e", "cmd -x'e'")]
    [InlineData(Required.UnlessEmpty, "", null, "cmd")]
    [InlineData(Required.UnlessEmpty, "d", "", "cmd")]
    [InlineData(Required.UnlessEmpty, "", "   ", "cmd")]
    public void Inclusion_rule_for_a_flag(Required required, string initial, string? typed, string expected)
    {
        var values = Open(Dlg("cmd", Fld("x", "010", "-x", required, initial)));
        if (typed is not null)
        {
            Set(values, "x", typed);
        }

        Assert.Equal(expected, Line(values));
    }

    [Theory]
    [InlineData(Required.No, "--", "d", null, "cmd")]
    [InlineData(Required.No, "--", "d", "e", "cmd e")]
    [InlineData(Required.No, "--'", "d", "e", "cmd 'e'")]
    [InlineData(Required.Yes, "--'", "", null, "cmd ''")]
    [InlineData(Required.Yes, "--", "", null, "cmd")]
    [InlineData(Required.NonBlank, "--", "d", null, "cmd d")]
    [InlineData(Required.UnlessEmpty, "--'", "", null, "cmd")]
    [InlineData(Required.UnlessEmpty, "--'", "d", null, "cmd 'd'")]
    public void Inclusion_rule_for_a_positional(Required required, string prefix, string initial, string? typed, string expected)
    {
        var values = Open(Dlg("cmd", Fld("x", "010", prefix, required, initial)));
        if (typed is not null)
        {
            Set(values, "x", typed);
        }

        Assert.Equal(expected, Line(values));
    }

    [Fact]
    public void Required_yes_with_empty_prefix_and_empty_value_emits_nothing()
    {
        var values = Open(Dlg("cmd", Fld("a", "010", "-a", Required.Yes, "1"), Fld("x", "020", "", Required.Yes), Fld("b", "030", "-b", Required.Yes, "2")));

        Assert.Equal("cmd -a'1' -b'2'", Line(values));
    }

    [Fact]
    public void Discovered_value_is_a_default_not_sent_unless_changed()
    {
        // smit.md 1.6: discovered values are not sent unless the user changes them.
        var dialog = Dlg("chlv",
            Fld("lv", "010", "--", Required.NonBlank) with { DiscoveryName = "_rawname" },
            Fld("label", "020", "-L", Required.No, "ignored-default") with { DiscoveryName = "LABEL" },
            Fld("upper", "030", "-u") with { DiscoveryName = "UPPER", Entry = EntryType.Numeric });
        var values = Open(dialog, ("_rawname", "lv01"), ("LABEL", "/data"), ("UPPER", "32"));
        Assert.Equal("/data", values[dialog.Fields[1]]);
        Assert.Equal("chlv lv01", Line(values));

        Set(values, "label", " /data "); // same after trimming: still unchanged
        Assert.Equal("chlv lv01", Line(values));

        Set(values, "upper", "64");
        Assert.Equal("chlv -u'64' lv01", Line(values));

        Set(values, "label", "ignored-default"); // the JSON default differs from what was first shown
        Assert.Equal("chlv -L'ignored-default' -u'64' lv01", Line(values));
    }

    [Fact]
    public void Reset_puts_back_the_first_value_and_drops_the_field_again()
    {
        var dialog = Dlg("cmd", Fld("x", "010", "-x", Required.No, "a"));
        var values = Open(dialog);
        Set(values, "x", "b");
        Assert.Equal("cmd -x'b'", Line(values));
        values.Reset(dialog.Fields[0]);
        Assert.Equal("cmd", Line(values));
    }

    // ---------------------------------------------------------------- passes and sequence order

    [Fact]
    public void Pass_one_flags_in_sequence_order_then_pass_two_positionals_in_sequence_order()
    {
        var dialog = Dlg("cmd",
            Fld("p1", "001", "--", Required.Yes, "first_pos"),
            Fld("f1", "002", "-a", Required.Yes, "1"),
            Fld("p2", "003", "--'", Required.Yes, "second pos"),
            Fld("f2", "004", "b=", Required.Yes, "2"),
            Fld("p3", "005", "--", Required.Yes, "third"),
            Fld("f3", "999", "-c ", Required.Yes, "3"));

        Assert.Equal("cmd -a'1' b='2' -c '3' first_pos 'second pos' third", Line(Open(dialog)));
    }

    [Fact]
    public void Sequence_is_compared_as_a_string_when_fields_are_in_dialog_order()
    {
        // "1" < "10" < "100" < "9" as strings (smit.md 1.4 id_seq_num; 2.3 ordinal compare).
        // The loader sorts fields this way (Dialog: "its fields in id_seq_num order").
        var dialog = Dlg("cmd",
            Fld("a", "1", "-a", Required.Yes, "1"),
            Fld("b", "10", "-b", Required.Yes, "10"),
            Fld("c", "100", "-c", Required.Yes, "100"),
            Fld("d", "9", "-d", Required.Yes, "9"));

        Assert.Equal("cmd -a'1' -b'10' -c'100' -d'9'", Line(Open(dialog)));
    }

    [Fact]
    public void Sequence_is_compared_as_a_string_even_when_fields_are_listed_numerically()
    {
        var dialog = Dlg("cmd",
            Fld("d", "9", "-d", Required.Yes, "9"),
            Fld("b", "10", "-b", Required.Yes, "10"),
            Fld("c", "100", "-c", Required.Yes, "100"),
            Fld("p9", "8", "--", Required.Yes, "pos8"),
            Fld("p10", "11", "--", Required.Yes, "pos11"));

        Assert.Equal("cmd -b'10' -c'100' -d'9' pos11 pos8", Line(Open(dialog)));
    }

    [Fact]
    public void Command_front_is_kept_verbatim_and_its_trailing_blanks_dropped()
    {
        var values = Open(Dlg("_SPOC_FORCE=Y /usr/es/sbin/cluster/sbin/cl_rc.cluster   ", Fld("x", "010", "-x", Required.Yes, "1")));
        Assert.Equal("_SPOC_FORCE=Y /usr/es/sbin/cluster/sbin/cl_rc.cluster -x'1'", Line(values));
    }

    // ---------------------------------------------------------------- trimming (smit.md 2.1 step 5)

    [Fact]
    public void Text_values_are_trimmed_raw_values_are_not()
    {
        var dialog = Dlg("cmd",
            Fld("t", "010", "-t", Required.Yes),
            Fld("r", "020", "-r", Required.Yes) with { Entry = EntryType.Raw },
            Fld("q", "030", "--'", Required.Yes) with { Entry = EntryType.Raw });
        var values = Open(dialog);
        Set(values, "t", "  data_lv  ");
        Set(values, "r", "  data_lv  ");
        Set(values, "q", " two  blanks ");

        Assert.Equal("cmd -t'data_lv' -r'  data_lv  ' ' two  blanks '", Line(values));
    }

    [Fact]
    public void Raw_value_changed_only_in_blanks_counts_as_changed()
    {
        var values = Open(Dlg("cmd", Fld("r", "010", "-r", Required.No, "x") with { Entry = EntryType.Raw }));
        Set(values, "r", "x ");
        Assert.Equal("cmd -r'x '", Line(values));
    }

    // ---------------------------------------------------------------- multi-select (smit.md 1.4 multi_select)

    [Theory]
    [InlineData(MultiSelect.Comma, "-p", "a,b,c", "cmd -p'a,b,c'")]
    [InlineData(MultiSelect.Comma, "-p", "a b  c", "cmd -p'a,b,c'")]
    [InlineData(MultiSelect.Comma, "NODES=", "node1, node2", "cmd NODES='node1,node2'")]
    [InlineData(MultiSelect.Yes, "-p", "a b c", "cmd -p'a b c'")]
    [InlineData(MultiSelect.Yes, "-p", "a,b,c", "cmd -p'a b c'")]
    [InlineData(MultiSelect.Multiple, "-p", "a b c", "cmd -p'a' -p'b' -p'c'")]
    [InlineData(MultiSelect.Multiple, "-p ", "a,b", "cmd -p 'a' -p 'b'")]
    [InlineData(MultiSelect.Comma, "--", "a b c", "cmd a,b,c")]
    [InlineData(MultiSelect.Comma, "--'", "a b c", "cmd 'a,b,c'")]
    [InlineData(MultiSelect.Yes, "--", "hdisk22 hdisk23", "cmd hdisk22 hdisk23")]
    [InlineData(MultiSelect.Multiple, "--", "hdisk22 hdisk23", "cmd hdisk22 hdisk23")]
    public void Multi_select_joining(MultiSelect multi, string prefix, string picked, string expected)
    {
        var values = Open(Dlg("cmd", Fld("p", "010", prefix) with { MultiSelect = multi, Op = OpType.List }));
        Set(values, "p", picked);

        Assert.Equal(expected, Line(values));
    }

    [Fact]
    public void Multi_select_m_quotes_each_hostile_item_separately()
    {
        var values = Open(Dlg("cmd", Fld("p", "010", "-p") with { MultiSelect = MultiSelect.Multiple }));
        Set(values, "p", "a'b $(id)");

        var line = Line(values);
        Assert.Equal("""cmd -p'a'\''b' -p'$(id)'""", line);
        Assert.Equal(["cmd", "-pa'b", "-p$(id)"], ShellWords.Split(line));
    }

    // ---------------------------------------------------------------- rings (smit.md 1.4 value_index, disp_values, aix_values)

    private static Field WhenRing(int index, Required required = Required.NonBlank) =>
        RingFld("when", "010", "", required, ["now", "restart", "both"], ["-N", "-R", "-B"], index);

    [Fact]
    public void Ring_opens_on_value_index_and_sends_its_aix_value()
    {
        var dialog = Dlg("cl_clstop", WhenRing(1));
        var values = Open(dialog);
        Assert.Equal("restart", values[dialog.Fields[0]]);
        Assert.Equal("cl_clstop '-R'", Line(values));
    }

    [Theory]
    [InlineData("both", "both", "cl_clstop '-B'")]   // by the word shown
    [InlineData("-B", "both", "cl_clstop '-B'")]     // by the word sent
    [InlineData("BOTH", "both", "cl_clstop '-B'")]   // shown word, any case
    [InlineData("now", "now", "cl_clstop '-N'")]
    public void Ring_set_by_shown_or_command_value(string typed, string shown, string expected)
    {
        var dialog = Dlg("cl_clstop", WhenRing(1));
        var values = Open(dialog);
        Set(values, "when", typed);

        Assert.Equal(shown, values[dialog.Fields[0]]);
        Assert.Equal(expected, Line(values));
    }

    [Fact]
    public void Ring_refuses_a_value_that_is_not_in_it_and_keeps_its_position()
    {
        var dialog = Dlg("cl_clstop", WhenRing(0));
        var values = Open(dialog);
        var error = values.Set("when", "later");

        Assert.NotNull(error);
        Assert.Contains("(when)", error, StringComparison.Ordinal);
        Assert.Contains("later", error, StringComparison.Ordinal);
        Assert.Equal("now", values[dialog.Fields[0]]);
        Assert.Equal("cl_clstop '-N'", Line(values));
    }

    [Fact]
    public void Ring_with_required_n_is_sent_only_when_moved_off_its_first_position()
    {
        var dialog = Dlg("cmd", WhenRing(0, Required.No));
        var values = Open(dialog);
        Assert.Equal("cmd", Line(values));
        Set(values, "when", "-N"); // same position, given by its command value
        Assert.Equal("cmd", Line(values));
        Set(values, "when", "restart");
        Assert.Equal("cmd '-R'", Line(values));
    }

    [Fact]
    public void Ring_without_aix_values_sends_the_word_shown_after_the_prefix()
    {
        var values = Open(Dlg("chfs", RingFld("auto", "010", "-A", Required.No, ["yes", "no"], null, 0), Fld("fs", "020", "--", Required.NonBlank, "/data")));
        Set(values, "auto", "no");
        Assert.Equal("chfs -A'no' /data", Line(values));
    }

    [Fact]
    public void Ring_value_index_past_the_end_opens_on_the_last_value()
    {
        var dialog = Dlg("cmd", RingFld("r", "010", "-r", Required.Yes, ["a", "b"], null, 5));
        var values = Open(dialog);
        Assert.Equal("b", values[dialog.Fields[0]]);
        Assert.Equal("cmd -r'b'", Line(values));
    }

    [Theory]
    [InlineData("OFAN")]                            // discovered as the clmgr code (aix_values)
    [InlineData("Online On First Available Node")]  // discovered as the word shown
    public void Ring_discovered_value_is_the_first_position_and_not_sent_unchanged(string discovered)
    {
        var dialog = Dlg("clmgr modify resource_group",
            Fld("rg", "010", "--", Required.NonBlank) with { DiscoveryName = "_rawname" },
            RingFld("startup", "020", "STARTUP=", Required.No,
                ["Online On Home Node Only", "Online On First Available Node", "Online Using Node Distribution Policy", "Online On All Available Nodes"],
                ["OHN", "OFAN", "OUDP", "OAAN"], 0) with { DiscoveryName = "STARTUP" });
        var values = Open(dialog, ("_rawname", "rg1"), ("STARTUP", discovered));

        Assert.Equal("Online On First Available Node", values[dialog.Fields[1]]);
        Assert.Equal("clmgr modify resource_group rg1", Line(values));
        Set(values, "startup", "OHN");
        Assert.Equal("clmgr modify resource_group STARTUP='OHN' rg1", Line(values));
    }

    [Fact]
    public void Ring_with_required_unless_empty_is_left_out_when_its_aix_value_is_empty()
    {
        // smit.md 2.3: v := aix_values[i]; include when required == "?" and v != "".
        // Shipped clstart field auto_correct: prefix "-C ", {Interactively, Yes, No} -> {interactive, yes, ""}.
        var dialog = Dlg("cl_rc.cluster",
            RingFld("auto_correct", "070", "-C ", Required.UnlessEmpty, ["Interactively", "Yes", "No"], ["interactive", "yes", ""], 0));
        var values = Open(dialog);
        Assert.Equal("cl_rc.cluster -C 'interactive'", Line(values));
        Set(values, "auto_correct", "No");

        Assert.Equal("cl_rc.cluster", Line(values));
    }

    // ---------------------------------------------------------------- refusals: required +, numeric, hex, size

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Required_plus_empty_refuses_to_build_and_names_the_field(string typed)
    {
        var dialog = Dlg("/usr/sbin/mklv",
            Fld("vg_name", "010", "--", Required.NonBlank, "datavg"),
            Fld("lv_name", "020", "-y", Required.NonBlank) with { Label = "* Logical volume NAME", Entry = EntryType.Raw });
        var values = Open(dialog);
        Set(values, "lv_name", typed);

        var result = CommandBuilder.Build(values);
        Assert.False(result.Ok);
        Assert.Null(result.Command);
        var error = Assert.Single(result.Errors);
        Assert.Contains("(lv_name)", error, StringComparison.Ordinal);
        Assert.Contains("Logical volume NAME", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_missing_required_field_is_reported()
    {
        var dialog = Dlg("clmgr add resource_group",
            Fld("rg_name", "010", "--", Required.NonBlank),
            Fld("nodes", "020", "NODES=", Required.NonBlank) with { MultiSelect = MultiSelect.Comma },
            Fld("misc", "030", "MISC_DATA="));
        var result = CommandBuilder.Build(Open(dialog));

        Assert.Null(result.Command);
        Assert.Equal(2, result.Errors.Count);
        Assert.Contains("(rg_name)", result.Errors[0], StringComparison.Ordinal);
        Assert.Contains("(nodes)", result.Errors[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12a")]
    [InlineData("1.5")]
    [InlineData("--3")]
    [InlineData("0x10")]
    public void Numeric_field_refuses_non_digits_and_names_the_field(string typed)
    {
        var dialog = Dlg("mklv", Fld("lps", "010", "--", Required.NonBlank, "1") with { Entry = EntryType.Numeric, Label = "* Number of LOGICAL PARTITIONS" });
        var values = Open(dialog);
        var error = values.Set("lps", typed);

        Assert.NotNull(error);
        Assert.Contains("(lps)", error, StringComparison.Ordinal);
        Assert.Contains("not a number", error, StringComparison.Ordinal);
        Assert.Equal("1", values[dialog.Fields[0]]);
        Assert.Equal("mklv 1", Line(values));
    }

    [Theory]
    [InlineData("+5", "cmd -n'+5'")]
    [InlineData("-3", "cmd -n'-3'")]
    [InlineData(" 42 ", "cmd -n'42'")]
    public void Numeric_field_takes_an_optional_sign(string typed, string expected)
    {
        var values = Open(Dlg("cmd", Fld("n", "010", "-n") with { Entry = EntryType.Numeric }));
        Set(values, "n", typed);
        Assert.Equal(expected, Line(values));
    }

    [Fact]
    public void Numeric_field_with_a_bad_discovered_value_refuses_to_build()
    {
        var dialog = Dlg("chvg", Fld("major", "010", "-V") with { Entry = EntryType.Numeric, DiscoveryName = "MAJOR", Label = "Volume group MAJOR NUMBER" });
        var result = CommandBuilder.Build(Open(dialog, ("MAJOR", "abc")));

        Assert.Null(result.Command);
        var error = Assert.Single(result.Errors);
        Assert.Contains("(major)", error, StringComparison.Ordinal);
        Assert.Contains("'abc'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0x1F", null)]
    [InlineData("DEADbeef", null)]
    [InlineData("0x", "(mask)")]
    [InlineData("12G", "(mask)")]
    public void Hex_field_validation(string typed, string? errorPart)
    {
        var values = Open(Dlg("cmd", Fld("mask", "010", "-m") with { Entry = EntryType.Hex }));
        var error = values.Set("mask", typed);
        if (errorPart is null)
        {
            Assert.Null(error);
            Assert.Equal($"cmd -m'{typed}'", Line(values));
        }
        else
        {
            Assert.NotNull(error);
            Assert.Contains(errorPart, error, StringComparison.Ordinal);
            Assert.Contains("hexadecimal", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Entry_size_and_nul_and_unknown_field_are_refused_with_a_named_error()
    {
        var values = Open(Dlg("cmd", Fld("name", "010", "-n") with { Size = 8 }));
        var tooLong = values.Set("name", "abcdefghi");
        Assert.NotNull(tooLong);
        Assert.Contains("(name)", tooLong, StringComparison.Ordinal);
        Assert.Contains("8", tooLong, StringComparison.Ordinal);

        var nul = values.Set("name", "a\0b");
        Assert.NotNull(nul);
        Assert.Contains("(name)", nul, StringComparison.Ordinal);

        var unknown = values.Set("nmae", "x");
        Assert.NotNull(unknown);
        Assert.Contains("nmae", unknown, StringComparison.Ordinal);
        Assert.Contains("name", unknown, StringComparison.Ordinal);

        Assert.Equal("cmd", Line(values));
    }

    // ---------------------------------------------------------------- secrets

    [Fact]
    public void Secret_values_go_to_standard_input_never_onto_the_line()
    {
        var dialog = Dlg("cl_chpasswd",
            Fld("rg", "005", "") with { Cspoc = CspocOption.ResourceGroup, DiscoveryName = "_rawname" },
            Fld("user", "010", "--", Required.NonBlank),
            Fld("password", "020", "-p", Required.NonBlank) with { Secret = true },
            Fld("unused_secret", "030", "-q") with { Secret = true });
        var values = Open(dialog, ("_rawname", "rg1"));
        Set(values, "user", "patrol");
        Set(values, "password", "s3cr'et $(x)");

        var built = BuildOk(values);
        Assert.Equal("cl_chpasswd -cspoc \"-g rg1\" patrol", built.CommandLine);
        Assert.DoesNotContain("s3cr", built.CommandLine, StringComparison.Ordinal);
        Assert.Equal(["s3cr'et $(x)"], built.StandardInput);
    }

    // ---------------------------------------------------------------- PowerHA lines (powerha-menus.md 4 and 7)

    [Fact]
    public void ClRGmove_move_line_exactly_as_in_the_reference()
    {
        // clRGmove -s 'false' -m -i -g 'rg1' -n 'node2'  (powerha-menus.md 4.13 [C])
        // -s comes from a required ring; "-m -i -g " is a prefix pasted verbatim.
        var dialog = Dlg("clRGmove",
            RingFld("secondary", "010", "-s ", Required.Yes, ["false", "true"], null, 0),
            Fld("rg", "020", "-m -i -g ", Required.NonBlank) with { Entry = EntryType.None, DiscoveryName = "_rg_name" },
            Fld("node", "030", "-n ", Required.NonBlank) with { Entry = EntryType.None, DiscoveryName = "_node_name" });
        var values = Open(dialog, ("_rg_name", "rg1"), ("_node_name", "node2"));

        Assert.Equal("clRGmove -s 'false' -m -i -g 'rg1' -n 'node2'", Line(values));
    }

    [Theory]
    [InlineData("clRGmove -s false -m -i", "clRGmove -s false -m -i -g 'rg1' -n 'node2'")]
    [InlineData("clRGmove -s false -u -i", "clRGmove -s false -u -i -g 'rg1' -n 'node2'")]
    [InlineData("clRGmove -s false -d -i", "clRGmove -s false -d -i -g 'rg1' -n 'node2'")]
    public void ClRGmove_move_online_offline_from_selector_values(string command, string expected)
    {
        // powerha-menus.md 4.13, 4.14 and 7; the shape the shipped menus use.
        var dialog = Dlg(command,
            Fld("resource_group", "010", "-g ", Required.NonBlank) with { Entry = EntryType.None, DiscoveryName = "_rg_name" },
            Fld("node", "020", "-n ", Required.NonBlank) with { Entry = EntryType.None, DiscoveryName = "_node_name" });
        var values = Open(dialog, ("_rg_name", "rg1"), ("_node_name", "node2"));

        var line = Line(values);
        Assert.Equal(expected, line);
        Assert.Equal(command.Split(' ').Concat(["-g", "rg1", "-n", "node2"]), ShellWords.Split(line));
    }

    private static Dialog ClstopDialog(Required nodesRequired) => Dlg("cl_clstop",
        Fld("nodes", "010", "", nodesRequired) with { Cspoc = CspocOption.Nodes, MultiSelect = MultiSelect.Comma, Op = OpType.List, DiscoveryName = "_local_node" },
        RingFld("when", "020", "", Required.NonBlank, ["now", "restart", "both"], ["-N", "-R", "-B"], 0),
        RingFld("broadcast", "030", "", Required.UnlessEmpty, ["true", "false"], ["", "-s"], 1),
        RingFld("action", "040", "", Required.NonBlank,
            ["Bring Resource Groups Offline", "Move Resource Groups", "Unmanage Resource Groups"], ["-g", "-gr", "-f"], 0));

    [Theory]
    [InlineData(Required.UnlessEmpty)]
    [InlineData(Required.No)] // cspoc is sent whenever non-empty, even when unchanged
    public void Cl_clstop_with_cspoc_node_list(Required nodesRequired)
    {
        // cl_clstop -cspoc "-n node1" ... (powerha-menus.md 4.2, 5.1, 7)
        var values = Open(ClstopDialog(nodesRequired), ("_local_node", "node1"));

        Assert.Equal("cl_clstop -cspoc \"-n node1\" '-N' '-s' '-g'", Line(values));
    }

    [Fact]
    public void Cl_clstop_several_nodes_move_and_broadcast()
    {
        var values = Open(ClstopDialog(Required.UnlessEmpty), ("_local_node", "node1"));
        Set(values, "nodes", "node1 node2");
        Set(values, "broadcast", "true");
        Set(values, "action", "Move Resource Groups");

        var line = Line(values);
        Assert.Equal("cl_clstop -cspoc \"-n node1,node2\" '-N' '-gr'", line);
        Assert.Equal(["cl_clstop", "-cspoc", "-n node1,node2", "-N", "-gr"], ShellWords.Split(line));
    }

    [Fact]
    public void Cl_clstop_empty_node_list_sends_no_cspoc_option()
    {
        // powerha-menus.md 4.11: "No selection means all nodes!"
        var values = Open(ClstopDialog(Required.UnlessEmpty), ("_local_node", "node1"));
        Set(values, "nodes", "");
        Set(values, "action", "-f");

        Assert.Equal("cl_clstop '-N' '-s' '-f'", Line(values));
    }

    [Fact]
    public void Cl_mklv_with_cspoc_resource_group()
    {
        // cl_mklv -cspoc "-g RG" -y LV -t jfs2 VG SIZE  (powerha-menus.md 7)
        var dialog = Dlg("cl_mklv",
            Fld("rg", "005", "") with { Cspoc = CspocOption.ResourceGroup, DiscoveryName = "_rg_name", Entry = EntryType.None },
            Fld("vg", "010", "--", Required.NonBlank) with { DiscoveryName = "_rawname", Entry = EntryType.None },
            Fld("lps", "020", "--", Required.NonBlank) with { Entry = EntryType.Numeric },
            Fld("lv_name", "030", "-y"),
            RingFld("lv_type", "040", "-t", Required.Yes, ["jfs2", "jfs2log", "raw"], null, 0));
        var values = Open(dialog, ("_rg_name", "rg1"), ("_rawname", "vg01"));
        Set(values, "lv_name", "lv01");
        Set(values, "lps", "10");

        Assert.Equal("cl_mklv -cspoc \"-g rg1\" -y'lv01' -t'jfs2' vg01 10", Line(values));
    }

    [Fact]
    public void Clmgr_add_resource_group_with_nodes_attribute()
    {
        // clmgr add resource_group NAME NODES='node1,node2' ... (powerha-menus.md 4.3; docs/menus.md)
        var dialog = Dlg("clmgr add resource_group",
            Fld("rg_name", "010", "--", Required.NonBlank) with { Size = 32 },
            Fld("nodes", "020", "NODES=", Required.NonBlank) with { MultiSelect = MultiSelect.Comma, Op = OpType.List },
            RingFld("startup", "030", "STARTUP=", Required.No,
                ["Online On Home Node Only", "Online On First Available Node", "Online Using Node Distribution Policy", "Online On All Available Nodes"],
                ["OHN", "OFAN", "OUDP", "OAAN"], 0),
            RingFld("fallover", "040", "FALLOVER=", Required.No,
                ["Fallover To Next Priority Node In The List", "Fallover Using Dynamic Node Priority", "Bring Offline (On Error Node Only)"],
                ["FNPN", "FUDNP", "BO"], 0),
            RingFld("fallback", "050", "FALLBACK=", Required.No,
                ["Fallback To Higher Priority Node In The List", "Never Fallback"], ["FBHPN", "NFB"], 0));
        var values = Open(dialog);
        Set(values, "rg_name", "rg1");
        Set(values, "nodes", "node1 node2");
        Set(values, "fallback", "Never Fallback");

        var line = Line(values);
        Assert.Equal("clmgr add resource_group NODES='node1,node2' FALLBACK='NFB' rg1", line);
        Assert.Equal(["clmgr", "add", "resource_group", "NODES=node1,node2", "FALLBACK=NFB", "rg1"], ShellWords.Split(line));
    }

    [Fact]
    public void Cl_rc_cluster_start_line()
    {
        // _SPOC_FORCE=Y /usr/es/sbin/cluster/sbin/cl_rc.cluster -cspoc "-n node1,node2" -N -A -b -i ...  (powerha-menus.md 4.1 [U])
        var dialog = Dlg("_SPOC_FORCE=Y /usr/es/sbin/cluster/sbin/cl_rc.cluster",
            Fld("nodes", "005", "", Required.UnlessEmpty) with { Cspoc = CspocOption.Nodes, MultiSelect = MultiSelect.Comma },
            RingFld("start_when", "010", "", Required.NonBlank, ["now", "restart", "both"], ["-N", "-R", "-B"], 0),
            RingFld("manage_rgs", "030", "", Required.NonBlank, ["Automatically", "Manually"], ["-A", "-M"], 0),
            RingFld("broadcast", "040", "", Required.UnlessEmpty, ["true", "false"], ["-b", ""], 0),
            RingFld("clinfo", "050", "", Required.UnlessEmpty, ["true", "false"], ["-i", ""], 1));
        var values = Open(dialog);
        Set(values, "nodes", "node1,node2");
        Set(values, "clinfo", "true");

        Assert.Equal("_SPOC_FORCE=Y /usr/es/sbin/cluster/sbin/cl_rc.cluster -cspoc \"-n node1,node2\" '-N' '-A' '-b' '-i'", Line(values));
    }

    // ---------------------------------------------------------------- hostile values

    [Theory]
    [InlineData("a'b", """cmd -c 'a'\''b'""")]
    [InlineData("$(reboot)", """cmd -c '$(reboot)'""")]
    [InlineData("`id`", """cmd -c '`id`'""")]
    [InlineData("; rm -rf /", """cmd -c '; rm -rf /'""")]
    [InlineData("a\nb", """cmd -c $'a\nb'""")]
    [InlineData("\"quoted\"", """cmd -c '"quoted"'""")]
    [InlineData("C:\\dir\\new", """cmd -c 'C:\dir\new'""")]
    [InlineData("trail\\", """cmd -c 'trail\'""")]
    [InlineData("*", """cmd -c '*'""")]
    [InlineData("/tmp/*.log ?", """cmd -c '/tmp/*.log ?'""")]
    [InlineData("-rf", """cmd -c '-rf'""")]
    [InlineData("Zo\u00eb \u65e5\u672c\u8a9e", "cmd -c 'Zo\u00eb \u65e5\u672c\u8a9e'")]
    [InlineData("a\tb", """cmd -c $'a\tb'""")]
    [InlineData("a\rb", """cmd -c $'a\rb'""")]
    [InlineData("it's\nok", """cmd -c $'it\'s\nok'""")]
    [InlineData("back\\slash\nnewline", """cmd -c $'back\\slash\nnewline'""")]
    [InlineData("\u0007bell", """cmd -c $'\x07bell'""")]
    [InlineData("'", """cmd -c ''\'''""")]
    [InlineData("$HOME ${PATH}", """cmd -c '$HOME ${PATH}'""")]
    [InlineData("a && b || c > /etc/passwd", """cmd -c 'a && b || c > /etc/passwd'""")]
    public void Hostile_value_in_a_flag_stays_one_intact_word(string value, string expected)
    {
        var values = Open(Dlg("cmd", Fld("c", "010", "-c ")));
        Set(values, "c", value);

        var line = Line(values);
        Assert.Equal(expected, line);
        Assert.Equal(["cmd", "-c", value], ShellWords.Split(line));
    }

    [Theory]
    [InlineData("a'b", """cmd -c'a'\''b'""")]
    [InlineData("$(reboot)", """cmd -c'$(reboot)'""")]
    [InlineData("x; reboot", """cmd -c'x; reboot'""")]
    [InlineData("a\nb", """cmd -c$'a\nb'""")]
    public void Hostile_value_glued_to_its_flag_stays_in_that_word(string value, string expected)
    {
        var values = Open(Dlg("cmd", Fld("c", "010", "-c")));
        Set(values, "c", value);

        var line = Line(values);
        Assert.Equal(expected, line);
        Assert.Equal(["cmd", "-c" + value], ShellWords.Split(line));
    }

    [Theory]
    [InlineData("a'b", """cmd 'a'\''b'""")]
    [InlineData("; rm -rf /", """cmd '; rm -rf /'""")]
    [InlineData("`id`", """cmd '`id`'""")]
    [InlineData("a\nb", """cmd $'a\nb'""")]
    [InlineData("*", """cmd '*'""")]
    public void Hostile_value_in_a_quoted_positional_stays_one_word(string value, string expected)
    {
        var values = Open(Dlg("cmd", Fld("q", "010", "--'", Required.NonBlank)));
        Set(values, "q", value);

        var line = Line(values);
        Assert.Equal(expected, line);
        Assert.Equal(["cmd", value], ShellWords.Split(line));
    }

    [Theory]
    [InlineData("$(reboot)", """cmd '$(reboot)'""", new[] { "cmd", "$(reboot)" })]
    [InlineData("`id`", """cmd '`id`'""", new[] { "cmd", "`id`" })]
    [InlineData("a'b", """cmd 'a'\''b'""", new[] { "cmd", "a'b" })]
    [InlineData("*.log", """cmd '*.log'""", new[] { "cmd", "*.log" })]
    [InlineData("Zo\u00eb", "cmd 'Zo\u00eb'", new[] { "cmd", "Zo\u00eb" })]
    [InlineData("; rm -rf /", """cmd ';' rm -rf /""", new[] { "cmd", ";", "rm", "-rf", "/" })]
    [InlineData("hdisk1 hdisk2", "cmd hdisk1 hdisk2", new[] { "cmd", "hdisk1", "hdisk2" })]
    [InlineData("a\nb", "cmd a b", new[] { "cmd", "a", "b" })]
    public void Hostile_value_in_a_bare_positional_is_split_but_each_word_is_quoted(string value, string expected, string[] words)
    {
        var values = Open(Dlg("cmd", Fld("p", "010", "--", Required.NonBlank)));
        Set(values, "p", value);

        var line = Line(values);
        Assert.Equal(expected, line);
        Assert.Equal(words, ShellWords.Split(line));
    }

    [Theory]
    [InlineData(CspocOption.Nodes, "n1;reboot", """cmd -cspoc '-n n1;reboot'""", "-n n1;reboot")]
    [InlineData(CspocOption.Nodes, "n1, n'2", """cmd -cspoc '-n n1,n'\''2'""", "-n n1,n'2")]
    [InlineData(CspocOption.ResourceGroup, "$(id)", """cmd -cspoc '-g $(id)'""", "-g $(id)")]
    [InlineData(CspocOption.ResourceGroup, "rg_1", "cmd -cspoc \"-g rg_1\"", "-g rg_1")]
    public void Hostile_cspoc_target_stays_one_word(CspocOption cspoc, string value, string expected, string option)
    {
        var values = Open(Dlg("cmd", Fld("target", "010", "", Required.UnlessEmpty) with { Cspoc = cspoc }));
        Set(values, "target", value);

        var line = Line(values);
        Assert.Equal(expected, line);
        Assert.Equal(["cmd", "-cspoc", option], ShellWords.Split(line));
    }
}
