#:project ../../src/ClAdmin/ClAdmin.csproj
#:property PublishAot=false
// Builds the policy bench's cluster in an existing simulated world (cladmin sim init --nodes N):
// N nodes, M resource groups rg0..rgM-1 (home node r%N+1 and the two next nodes as fallover nodes,
// OHN/FNPN/NFB, as /work/shared/tools/cibgen.py lays out the CIB), through clmgr lines on the
// runtime's dispatcher (in one process: a cladmin process per line costs a start-up each),
// synchronizes it, then starts cluster services on every node. Prints the time of each phase in ms.
// Usage: dotnet run PolicyCluster.cs -- DB N M
using System.Diagnostics;
using System.Globalization;
using ClAdmin;
using ClAdmin.Cluster;
using ClAdmin.Contracts;
using ClAdmin.Store;

var (db, n, m) = (args[0], int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture));
await using var runtime = await Runtime.CreateAsync(new RuntimeOptions { DatabasePath = db, CreateDemo = false }, TextWriter.Null, CancellationToken.None);
string Node(int i) => $"node{(i % n) + 1}";
// HACMP 5.x allows 32 nodes and 64 resource groups (Limits): within them, clmgr builds it all; the
// larger sizes of the table (64 nodes, 256 groups) go past them on purpose, to compare how the
// event engine grows: clmgr builds the first 32 nodes and 64 groups, the rest are written to the
// DCD as odmadd would, and the synchronization is forced past verification's limit errors.
var clmgrNodes = Math.Min(n, Limits.MaxNodes);
// (Groups name nodes: past 32 nodes, every group is written after the nodes.)
var clmgrGroups = n > clmgrNodes ? 0 : Math.Min(m, Limits.MaxResourceGroups);
var lines = new List<string> { $"clmgr add cluster NODES='{string.Join(',', Enumerable.Range(0, clmgrNodes).Select(Node))}' bench" };
ResourceGroup Group(int r) => new($"rg{r}", [Node(r), Node(r + 1), Node(r + 2)], StartupPolicy.OnlineOnHomeNode, FalloverPolicy.NextPriorityNode, FallbackPolicy.NeverFallback);
lines.AddRange(Enumerable.Range(0, clmgrGroups).Select(r => $"clmgr add resource_group NODES='{string.Join(',', Group(r).Nodes)}' STARTUP=OHN FALLOVER=FNPN FALLBACK=NFB rg{r}"));
var watch = Stopwatch.StartNew();
foreach (var line in lines)
{
    var r = await runtime.Dispatcher.RunAsync(new CommandRequest(line), CancellationToken.None);
    if (r.ExitCode != 0)
    {
        Console.Error.WriteLine($"{line}: {r.Stderr}");
        return 1;
    }
}
var beyond = n > clmgrNodes || m > clmgrGroups;
if (beyond)
{
    var world = runtime.Simulation!.World;
    using var repo = runtime.OpenRepository();
    repo.Update(ConfigDirectory.Default, c =>
    {
        var boot = c.Interfaces.First(i => i.Node == "node1");
        var extraNodes = world.Nodes.Skip(clmgrNodes).ToList();
        return (c with
        {
            Nodes = [.. c.Nodes, .. extraNodes.Select(x => new Node(x.Name, x.Interfaces[0].Addresses[0].Address))],
            Interfaces = [.. c.Interfaces, .. extraNodes.Select(x => new Interface($"{x.Name}_boot1", boot.Network, x.Name, "en0", x.Interfaces[0].Addresses[0].Address))],
            ResourceGroups = [.. c.ResourceGroups, .. Enumerable.Range(clmgrGroups, m - clmgrGroups).Select(Group)],
        }, 0);
    });
}
var configure = watch.Elapsed.TotalMilliseconds;
// Verified and synchronized to every node, as an administrator would before starting services.
var sync = await runtime.Dispatcher.RunAsync(new CommandRequest(beyond ? "clmgr sync cluster FORCE=yes" : "clmgr sync cluster"), CancellationToken.None);
if (sync.ExitCode != 0)
{
    Console.Error.WriteLine($"clmgr sync cluster: {sync.Stdout}{sync.Stderr}");
    return 1;
}
watch.Restart();
// Past the limits, verification at start reports them: "Ignore verification errors?" true (-v).
var start = await runtime.Dispatcher.RunAsync(new CommandRequest($"_SPOC_FORCE=Y /usr/es/sbin/cluster/sbin/cl_rc.cluster -cspoc \"-n {string.Join(',', Enumerable.Range(0, n).Select(Node))}\" '-N' '-A'{(beyond ? " '-v'" : "")}"), CancellationToken.None);
if (start.ExitCode != 0)
{
    Console.Error.WriteLine($"start: {start.Stderr}");
    return 1;
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"configure_ms={configure:F0} per_line_ms={configure / lines.Count:F1} start_ms={watch.Elapsed.TotalMilliseconds:F0}"));
return 0;
