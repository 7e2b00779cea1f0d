using ClAdmin.Menus.Model;
using ClAdmin.Tui.Rendering;
using ClAdmin.Tui.Screens;

namespace ClAdmin.Tui.Tests;

/// <summary>Small model objects for screen tests, and golden-file comparison.</summary>
internal static class Screens
{
    public static Field Field(string id, string seq, string label, EntryType entry = EntryType.Text, string def = "",
        Required required = Required.No, OpType op = OpType.None, Ring? ring = null, MultiSelect multi = MultiSelect.Single,
        bool secret = false, string help = "") => new()
    {
        Id = id,
        Sequence = seq,
        Label = label,
        Entry = entry,
        Default = def,
        Required = required,
        Op = op,
        ListCommand = op == OpType.List ? "list_" + id : "",
        Ring = ring,
        MultiSelect = multi,
        Secret = secret,
        Help = help,
    };

    public static Ring NoYes => new(["no", "yes"], null, 0);

    public static Dialog NodeDialog(bool ask = false) => new()
    {
        Id = "cm_chg_node",
        Title = "Change/Show a Cluster Node",
        Command = "clnodechg",
        Ask = ask,
        Help = "Change the attributes of a cluster node.",
        Fields =
        [
            Field("node", "010", "Node name", EntryType.None, "node01", Required.NonBlank),
            Field("new_name", "020", "New node name"),
            Field("path", "030", "Communication path to node", def: "10.1.1.21", required: Required.NonBlank, op: OpType.List),
            Field("hb", "040", "Heartbeat interval (seconds)", EntryType.Numeric, "10"),
            Field("missed", "050", "Missed heartbeats before failover", EntryType.Numeric, "6", op: OpType.List),
            Field("start", "060", "Start services at system restart", EntryType.None, op: OpType.Ring, ring: NoYes),
            Field("logdir", "070", "Log directory", EntryType.File, "/var/cl/log"),
            Field("weight", "080", "Node weight (hex)", EntryType.Hex, "0x10"),
            Field("networks", "090", "Cluster networks to join", op: OpType.List, multi: MultiSelect.Comma),
            Field("hb_only", "100", "   Use only for heartbeat?", EntryType.None, op: OpType.Ring, ring: NoYes),
            Field("priority", "110", "Node priority", EntryType.Numeric, "1"),
            Field("description", "120", "Description"),
            Field("password", "130", "Node password", secret: true),
            Field("site", "140", "Site"),
            Field("comment", "150", "Comment"),
        ],
    };

    public static ScreenBuffer Render(params Screen[] stack)
    {
        var buffer = new ScreenBuffer(80, 24);
        foreach (var s in stack)
        {
            s.Paint(buffer);
        }
        return buffer;
    }

    public static void AssertGolden(string name, ScreenBuffer buffer)
    {
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", name + ".txt"));
        Assert.Equal(expected, buffer.ToString());
    }
}
