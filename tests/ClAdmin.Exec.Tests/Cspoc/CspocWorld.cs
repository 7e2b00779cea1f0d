using ClAdmin.Contracts;
using ClAdmin.Exec.Cspoc;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.FanOut;
using ClAdmin.Sim.Model;
using ClAdmin.Sim.Shell;
using ClAdmin.Sim;

namespace ClAdmin.Exec.Tests.Cspoc;

/// <summary>A simulated cluster (WorldBuilder: node1..nodeN, shared disks lun01.. under hdisk names
/// that differ per node) with the C-SPOC handlers behind the real dispatcher and fan-out engine.</summary>
internal sealed class CspocWorld
{
    public CspocWorld(int nodes = 2, int disks = 4)
    {
        World = WorldBuilder.Build(new WorldOptions(nodes, disks, Seed: 7));
        Transport = new SimWorldTransport(World);
        var engine = new FanOutEngine(Transport, Log);
        var names = World.Nodes.Select(n => n.Name).ToArray();
        Dispatcher = new Dispatcher(CspocHandlers.Create(engine, new FixedClusterNodes(names)), engine, new DispatcherOptions { LocalNode = "node1" });
    }

    public SimWorld World { get; }

    public SimWorldTransport Transport { get; }

    public MemoryCommandLog Log { get; } = new();

    public Dispatcher Dispatcher { get; }

    public Task<CommandResult> Run(string line, string stdin = "") =>
        Dispatcher.RunAsync(new CommandRequest(line, stdin), CancellationToken.None);

    public SimNode Node(string name) => World.FindNode(name)!;

    /// <summary>Runs a line on one node's shell directly, to set the scene; it must succeed.</summary>
    public string Sh(string node, string line)
    {
        var r = SimShell.Execute(World, node, line);
        Assert.True(r.ExitCode == 0, $"{node}: {line}: {r.Stderr}");
        return r.Stdout;
    }

    public SimDisk Lun(int k) => World.FindDisk($"lun{k:00}")!;

    public string Hdisk(int k, string node) => Lun(k).NameOn(node)!;

    public static NodeResult On(CommandResult r, string node) => r.Nodes.Single(n => n.Node == node);
}
