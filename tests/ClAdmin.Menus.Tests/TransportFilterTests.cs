using ClAdmin.Menus.Model;
using ClAdmin.Shell;
using ClAdmin.Testing;

namespace ClAdmin.Menus.Tests;

/// <summary>
/// Issue 19 §4: the Cluster Simulation menu is shown only when commands run on the simulated
/// nodes. Screens marked <c>"transport": "sim"</c> leave the tree for any other transport, with
/// the items and aliases that lead to them, so over ssh neither the top menu nor a fast path
/// reaches them.
/// </summary>
public sealed class TransportFilterTests
{
    private static readonly Lazy<MenuTree> Shipped = new(() =>
    {
        var loaded = MenuLoader.Load(MenuFixtures.Shipped(), name => CommandCatalog.Default.Find(name) is not null);
        Assert.True(loaded.Ok, string.Join(Environment.NewLine, loaded.Errors));
        return loaded.Tree!;
    });

    private static IEnumerable<string> TopItems(MenuTree tree) => tree.Menus["hacmp"].Items.Select(i => i.Text);

    [Fact]
    public void On_the_simulator_the_top_menu_offers_Cluster_Simulation()
    {
        var tree = Shipped.Value.ForTransport("sim");
        Assert.Contains("Cluster Simulation", TopItems(tree));
        Assert.Equal(new ScreenRef(NextType.Menu, "cl_sim"), tree.Resolve("cl_sim"));
        Assert.NotNull(tree.Resolve("cl_sim_status"));
        Assert.NotNull(tree.Resolve("cl_sim_fail"));
    }

    [Theory]
    [InlineData("ssh")]
    [InlineData("local")]
    public void Over_another_transport_the_menu_and_its_fast_paths_are_gone(string transport)
    {
        var tree = Shipped.Value.ForTransport(transport);
        Assert.DoesNotContain("Cluster Simulation", TopItems(tree));
        Assert.Equal(["Initialization and Standard Configuration", "Extended Configuration", "System Management (C-SPOC)", "Problem Determination Tools"], TopItems(tree));
        foreach (var fastpath in new[] { "cl_sim", "cl_sim_status", "cl_sim_fail", "cl_sim_repair", "cl_sim_clock", "cl_sim_whatif" })
        {
            Assert.Null(tree.Resolve(fastpath));
        }
        Assert.DoesNotContain(tree.Dialogs.Values, d => d.Command.StartsWith("clsim", StringComparison.Ordinal));
        // The rest of the tree is untouched.
        Assert.Equal(new ScreenRef(NextType.Menu, "cl_admin"), tree.Resolve("cl_admin"));
        Assert.Equal(Shipped.Value.Dialogs.Count, tree.Dialogs.Count + Shipped.Value.Dialogs.Values.Count(d => d.Transport == "sim"));
    }

    [Fact]
    public void A_screen_without_a_transport_is_kept_everywhere()
    {
        var sources = new[]
        {
            new MenuSource("t.json", """
            {
              "menus": [
                { "id": "top", "title": "Top", "items": [
                  { "sequence": "010", "text": "Everywhere", "nextType": "dialog", "next": "d_all" },
                  { "sequence": "020", "text": "Simulator only", "nextType": "dialog", "next": "d_sim" } ] }
              ],
              "aliases": [ { "alias": "simonly", "next": "d_sim", "nextType": "dialog" } ],
              "dialogs": [
                { "id": "d_all", "title": "All", "command": "clRGinfo", "fields": [] },
                { "id": "d_sim", "title": "Sim", "command": "clRGinfo", "transport": "sim", "live": true, "fields": [] }
              ]
            }
            """),
        };
        var loaded = MenuLoader.Load(sources, _ => true);
        Assert.True(loaded.Ok, string.Join(Environment.NewLine, loaded.Errors));
        Assert.True(loaded.Tree!.Dialogs["d_sim"].Live);
        var ssh = loaded.Tree.ForTransport("ssh");
        Assert.Equal(["Everywhere"], ssh.Menus["top"].Items.Select(i => i.Text));
        Assert.Null(ssh.Resolve("simonly"));
        Assert.Null(ssh.Resolve("d_sim"));
        Assert.NotNull(ssh.Resolve("d_all"));
        var sim = loaded.Tree.ForTransport("sim");
        Assert.Equal(["Everywhere", "Simulator only"], sim.Menus["top"].Items.Select(i => i.Text));
        Assert.NotNull(sim.Resolve("simonly"));
    }
}
