#:project ../../src/ClAdmin.Cluster/ClAdmin.Cluster.csproj
#:property PublishAot=false
// One placement (RgPlacement.Compute) for N nodes x M resource groups, each group with a home node and
// two fallover nodes, all online on their home nodes, node1 crashing: the policy part of
// scripts/bench/policy.sh without the event engine. Prints the median time per computation, with
// the configuration indexed each time and with the index built once. Run by scripts/bench/placement.sh.
using System.Diagnostics;
using System.Globalization;
using ClAdmin.Cluster;
using ClAdmin.Cluster.Placement;

Console.WriteLine("nodes groups   index+place(us)   place(us)   actions");
foreach (var nodes in new[] { 8, 16, 32, 64 })
{
    foreach (var groups in new[] { 16, 64, 256 })
    {
        string Node(int i) => $"node{(i % nodes) + 1}";
        var config = new ClusterConfiguration
        {
            Cluster = new ClusterInfo("bench", 1),
            Nodes = [.. Enumerable.Range(0, nodes).Select(i => new Node(Node(i), Node(i)))],
            ResourceGroups = [.. Enumerable.Range(0, groups).Select(g => new ResourceGroup($"rg{g + 1}", [Node(g), Node(g + 1), Node(g + 2)]))],
        };
        var snapshot = new ClusterSnapshot
        {
            Nodes = config.Nodes.ToDictionary(n => n.Name, _ => NodeState.Up),
            Groups = config.ResourceGroups.ToDictionary(g => g.Name, g => GroupStatus.OnlineOn(g.Nodes[0])),
        };
        var crash = new NodeDown("node1", StopMode.Failure);
        var index = PlacementIndex.Build(config);
        var full = Median(() => RgPlacement.Compute(config, snapshot, crash));
        var place = Median(() => RgPlacement.Compute(index, snapshot, crash));
        var actions = RgPlacement.Compute(index, snapshot, crash).Actions.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{nodes,5} {groups,6} {full,17:F1} {place,11:F1} {actions,9}"));
    }
}

static double Median(Func<PlacementResult> run)
{
    for (var i = 0; i < 50; i++)
    {
        run();
    }
    var times = new double[201];
    for (var i = 0; i < times.Length; i++)
    {
        var t = Stopwatch.GetTimestamp();
        run();
        times[i] = Stopwatch.GetElapsedTime(t).TotalMicroseconds;
    }
    Array.Sort(times);
    return times[times.Length / 2];
}
