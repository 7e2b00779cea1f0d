#:project ../../src/ClAdmin/ClAdmin.csproj
#:property PublishAot=false
// Builds the policy bench's cluster in an existing simulated world (cladmin sim init --nodes N):
// N nodes, M resource groups rg0..rgM-1 (home node r%N+1 and the two next nodes as fallover nodes,
// OHN/FNPN/NFB, as /work/shared/tools/cibgen.py lays out the CIB), through clmgr lines on the
// runtime's dispatcher (in one process: a cladmin process per line costs a start-up each),
// then starts cluster services on every node. Prints the time of each phase in ms.
// Usage: dotnet run PolicyCluster.cs -- DB N M
using System.Diagnostics;
using System.Globalization;
using ClAdmin;
using ClAdmin.Contracts;
using ClAdmin.Store;

var (db, n, m) = (args[0], int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture));
await using var runtime = await Runtime.CreateAsync(new RuntimeOptions { DatabasePath = db, CreateDemo = false }, TextWriter.Null, CancellationToken.None);
string Node(int i) => $"node{(i % n) + 1}";
var lines = new List<string> { $"clmgr add cluster NODES='{string.Join(',', Enumerable.Range(0, n).Select(Node))}' bench" };
lines.AddRange(Enumerable.Range(0, m).Select(r => $"clmgr add resource_group NODES='{Node(r)},{Node(r + 1)},{Node(r + 2)}' STARTUP=OHN FALLOVER=FNPN FALLBACK=NFB rg{r}"));
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
var configure = watch.Elapsed.TotalMilliseconds;
// TO CHANGE when synchronization exists (clmgr sync cluster): the DCD is made active as
// src/ClAdmin/DemoCluster.cs does today.
using (var repo = ObjectRepository.Open(db))
{
    repo.ActivateDefault();
}
watch.Restart();
var start = await runtime.Dispatcher.RunAsync(new CommandRequest($"_SPOC_FORCE=Y /usr/es/sbin/cluster/sbin/cl_rc.cluster -cspoc \"-n {string.Join(',', Enumerable.Range(0, n).Select(Node))}\" '-N' '-A' -C 'interactive'"), CancellationToken.None);
if (start.ExitCode != 0)
{
    Console.Error.WriteLine($"start: {start.Stderr}");
    return 1;
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"configure_ms={configure:F0} per_line_ms={configure / lines.Count:F1} start_ms={watch.Elapsed.TotalMilliseconds:F0}"));
return 0;
