#:project ../../src/ClAdmin.Store/ClAdmin.Store.csproj
#:property PublishAot=false
// Load and save of a maximum-size configuration (32 nodes, 48 networks, 64 resource groups,
// 128 resources) as a ratio to opening an empty database. Run by scripts/bench/store.sh.
using System.Diagnostics;
using ClAdmin.Cluster;
using ClAdmin.Store;

var dir = Directory.CreateTempSubdirectory("cladmin-bench-").FullName;
var nodes = Enumerable.Range(1, Limits.MaxNodes).Select(i => new Node($"node{i}", $"node{i}")).ToList();
var networks = Enumerable.Range(1, Limits.MaxNetworks).Select(i => new Network($"net_ether_{i:00}", "ether")).ToList();
var config = new ClusterConfiguration
{
    Cluster = new ClusterInfo("bench", 1),
    Nodes = nodes,
    Networks = networks,
    Interfaces = [.. nodes.SelectMany(n => networks.Select(w => new Interface($"{n.Name}_{w.Name}", w.Name, n.Name, "en0")))],
    ServiceIps = [.. Enumerable.Range(1, 64).Select(i => new ServiceIp($"svc{i}", "net_ether_01"))],
    ApplicationControllers = [.. Enumerable.Range(1, 64).Select(i => new ApplicationController($"app{i}", "/s", "/t"))],
    ResourceGroups = [.. Enumerable.Range(1, Limits.MaxResourceGroups).Select(i => new ResourceGroup($"rg{i}", [$"node{i % 32 + 1}", $"node{(i + 1) % 32 + 1}"],
        Resources: new Dictionary<string, IReadOnlyList<string>> { ["SERVICE_LABEL"] = [$"svc{i}"], ["APPLICATIONS"] = [$"app{i}"] }))],
};
if (Rules.Validate(config).Any(v => !v.IsWarning))
{
    throw new InvalidOperationException(string.Join("\n", Rules.Validate(config)));
}
double Median(Func<int> run, int n = 15)
{
    run();
    var t = new List<double>();
    for (var i = 0; i < n; i++)
    {
        var sw = Stopwatch.StartNew();
        run();
        t.Add(sw.Elapsed.TotalMilliseconds);
    }
    t.Sort();
    return t[n / 2];
}
var k = 0;
var open = Median(() => { using var r = ObjectRepository.Open(Path.Combine(dir, $"empty{k++}.db")); return 0; });
var full = Path.Combine(dir, "full.db");
var save = Median(() => { using var r = ObjectRepository.Open(full); r.Update(ConfigDirectory.Default, _ => ((ClusterConfiguration?)config, 0)); return 0; });
var load = Median(() => { using var r = ObjectRepository.Open(full); return r.LoadConfiguration(ConfigDirectory.Default).Interfaces.Count; });
Console.WriteLine($"objects: {ClAdmin.Cluster.Odm.OdmMapping.ToObjects(config).Count} ({nodes.Count} nodes, {networks.Count} networks, {config.ResourceGroups.Count} groups, {config.ResourceCount} resources)");
Console.WriteLine($"open empty database: {open:F2} ms (median)");
Console.WriteLine($"load max configuration: {load:F2} ms = {load / open:F1} x open");
Console.WriteLine($"save max configuration: {save:F2} ms = {save / open:F1} x open");
Directory.Delete(dir, true);
