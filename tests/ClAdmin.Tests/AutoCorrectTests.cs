using ClAdmin.Contracts;
using ClAdmin.Sim.Model;

namespace ClAdmin.Tests;

/// <summary>
/// "Automatically correct errors found during verification" on the demo cluster, through the
/// runtime's one dispatcher (clmgr verify cluster FIX=...), its simulated nodes and the prompt seam:
/// each correctable error is made on a node, verification names it, the correction changes the
/// node's state and the verification run again is clean.
/// </summary>
public sealed class AutoCorrectTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cladmin-autocorrect-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private Task<Runtime> Demo() =>
        Runtime.CreateAsync(new RuntimeOptions { DatabasePath = Path.Combine(_dir, "cladmin.db") }, TextWriter.Null, CancellationToken.None);

    private static Task<CommandResult> Run(Runtime runtime, string line, IReadOnlyList<string>? nodes = null, ICommandPrompt? prompt = null) =>
        runtime.Dispatcher.RunAsync(new CommandRequest(line, "", nodes) { Prompt = prompt }, CancellationToken.None);

    private static async Task On(Runtime runtime, string node, string line)
    {
        var r = await Run(runtime, line, [node]);
        Assert.True(r.ExitCode == 0, $"{node}: {line}: {r.Stderr}");
    }

    /// <summary>Findings wrap at 80 columns (outputs reference §1.4): read them as one line each.</summary>
    private static string Flat(string text) => text.Replace("\n", " ", StringComparison.Ordinal);

    private static SimNode Node(Runtime runtime, string name) => runtime.Simulation!.World.FindNode(name)!;

    /// <summary>Answers every question the same way and keeps them.</summary>
    private sealed class Answer(bool yes) : ICommandPrompt
    {
        public List<string> Questions { get; } = [];

        public Task<bool> ConfirmAsync(string question, CancellationToken cancellationToken)
        {
            Questions.Add(question);
            return Task.FromResult(yes);
        }
    }

    /// <summary>Each correctable error: how to make it, the error verification prints (semantics §9.3),
    /// the line the correction prints, and what the node looks like once corrected.</summary>
    public static TheoryData<string> Errors => ["hosts", "import", "autovaryon", "script"];

    private static async Task Break(Runtime runtime, string error)
    {
        switch (error)
        {
            case "hosts":
                Assert.True(await runtime.Simulation!.ChangeWorldAsync(w =>
                {
                    var hosts = w.FindNode("node2")!.Files["/etc/hosts"];
                    hosts.Content = string.Concat(hosts.Content.Split('\n').Where(l => !l.Contains("app1_svc", StringComparison.Ordinal)).Select(l => l + "\n")).TrimEnd('\n') + "\n";
                    return true;
                }, CancellationToken.None));
                break;
            case "import":
                await On(runtime, "node2", "exportvg appvg");
                break;
            case "autovaryon":
                await On(runtime, "node1", "chvg -a y datavg");
                break;
            default:
                await On(runtime, "node2", "chmod 644 /usr/local/ha/app1/start.sh");
                break;
        }
    }

    private static (string Error, string Done) Expected(string error) => error switch
    {
        "hosts" => ("ERROR: IP label app1_svc is not in /etc/hosts on node node2.", "Added IP label: app1_svc with address: 203.0.113.21 to /etc/hosts on node: node2."),
        "import" => ("ERROR: Volume group appvg of resource group rg2 is not imported on node node2.", "Imported shared volume group: appvg onto node: node2 from physical volume"),
        "autovaryon" => ("ERROR: Volume group datavg is set to vary on automatically at system restart on node node1;", "Turned off auto-varyon of shared volume group: datavg on node: node1."),
        _ => ("ERROR: The start script /usr/local/ha/app1/start.sh of application server app1 is not executable on node node2.", "Made script: /usr/local/ha/app1/start.sh executable on node: node2."),
    };

    private static void AssertCorrected(Runtime runtime, string error)
    {
        switch (error)
        {
            case "hosts":
                Assert.Contains("203.0.113.21\tapp1_svc\n", Node(runtime, "node2").Files["/etc/hosts"].Content, StringComparison.Ordinal);
                // semantics §9.3 item 2: the previous file is kept, one backup a day (the simulated clock's date).
                Assert.DoesNotContain("app1_svc", Node(runtime, "node2").Files["/etc/hosts.20240312"].Content, StringComparison.Ordinal);
                break;
            case "import":
                var vg = Node(runtime, "node2").FindVgByName("appvg");
                Assert.NotNull(vg);
                Assert.Equal(61, vg.Major);
                Assert.False(vg.AutoOn);
                break;
            case "autovaryon":
                Assert.False(Node(runtime, "node1").FindVgByName("datavg")!.AutoOn);
                break;
            default:
                Assert.Equal("-rwxr-xr-x", Node(runtime, "node2").Files["/usr/local/ha/app1/start.sh"].Mode);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Yes_corrects_the_error_on_its_node_and_verifies_again_clean(string error)
    {
        await using var runtime = await Demo();
        Assert.Equal(0, (await Run(runtime, "clmgr verify cluster")).ExitCode);
        await Break(runtime, error);
        var (message, done) = Expected(error);

        var broken = await Run(runtime, "clmgr verify cluster");
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains(message, Flat(broken.Stderr), StringComparison.Ordinal);

        var fixedRun = await Run(runtime, "clmgr verify cluster FIX=yes");
        Assert.True(fixedRun.ExitCode == 0, fixedRun.Stdout + fixedRun.Stderr);
        Assert.Contains("Cluster Resources\n\nVerification will automatically correct verification errors.\n\nRetrieving", fixedRun.Stdout, StringComparison.Ordinal);
        Assert.Contains(message, Flat(fixedRun.Stderr), StringComparison.Ordinal); // the first run's report
        Assert.Contains(done, fixedRun.Stdout, StringComparison.Ordinal);
        Assert.Contains("Corrective actions were taken: verifying the cluster again.\n\nVerification to be performed on the following:", fixedRun.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("\nVerification has completed normally.\n", fixedRun.Stdout, StringComparison.Ordinal);
        AssertCorrected(runtime, error);

        var again = await Run(runtime, "clmgr verify cluster");
        Assert.True(again.ExitCode == 0, again.Stderr);
    }

    [Fact]
    public async Task Interactively_asks_per_fix_and_no_leaves_the_errors_while_yes_corrects_them()
    {
        await using var runtime = await Demo();
        await Break(runtime, "import");
        await Break(runtime, "autovaryon");

        var no = new Answer(yes: false);
        var declined = await Run(runtime, "clmgr verify cluster FIX=interactively", prompt: no);
        Assert.Equal(1, declined.ExitCode);
        Assert.Equal(
        [
            "Would you like to import shared volume group: appvg onto node: node2? (y/n)",
            "Would you like to turn off auto-varyon of shared volume group: datavg on node: node1? (y/n)",
        ], no.Questions.Order(StringComparer.Ordinal));
        Assert.Contains("Verification will interactively correct verification errors.", declined.Stdout, StringComparison.Ordinal);
        Assert.Contains("Would you like to import shared volume group: appvg onto node: node2? (y/n) n\n", declined.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Corrective actions were taken", declined.Stdout, StringComparison.Ordinal);
        Assert.Null(Node(runtime, "node2").FindVgByName("appvg"));
        Assert.True(Node(runtime, "node1").FindVgByName("datavg")!.AutoOn);

        var yes = new Answer(yes: true);
        var accepted = await Run(runtime, "clmgr verify cluster FIX=interactively", prompt: yes);
        Assert.True(accepted.ExitCode == 0, accepted.Stdout + accepted.Stderr);
        Assert.Equal(2, yes.Questions.Count);
        Assert.Contains("Would you like to import shared volume group: appvg onto node: node2? (y/n) y\n", accepted.Stdout, StringComparison.Ordinal);
        AssertCorrected(runtime, "import");
        AssertCorrected(runtime, "autovaryon");
    }

    [Theory]
    [InlineData("clmgr sync cluster FIX=yes")]
    [InlineData("cldare -rt -V normal -C yes")]
    public async Task Synchronization_with_auto_correct_corrects_then_synchronizes(string line)
    {
        // The Verify and Synchronize dialogs pass their correction choice to the same verification.
        await using var runtime = await Demo();
        await Break(runtime, "script");
        await On(runtime, "node1", "clmgr add resource_group NODES=node1 rg9");
        Assert.Equal(1, (await Run(runtime, "clmgr sync cluster")).ExitCode);

        var r = await Run(runtime, line);
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        Assert.Contains(Expected("script").Done, r.Stdout, StringComparison.Ordinal);
        AssertCorrected(runtime, "script");
        using var repo = runtime.OpenRepository();
        Assert.Contains(repo.LoadConfiguration(ClAdmin.Store.ConfigDirectory.Active).ResourceGroups, g => g.Name == "rg9");
    }

    [Fact]
    public async Task Interactively_with_no_one_to_ask_corrects_nothing_and_says_so()
    {
        await using var runtime = await Demo();
        await Break(runtime, "autovaryon");
        var r = await Run(runtime, "clmgr verify cluster FIX=interactively");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("there is no one to ask (no terminal: cladmin cmd, cladmin run or a script). No error was corrected, as with \"No\"", r.Stdout, StringComparison.Ordinal);
        Assert.True(Node(runtime, "node1").FindVgByName("datavg")!.AutoOn);
    }

    [Fact]
    public async Task Nothing_is_corrected_while_cluster_services_run_on_a_node()
    {
        await using var runtime = await Demo();
        await Break(runtime, "autovaryon");
        Assert.True(await runtime.Simulation!.ChangeWorldAsync(w => { w.FindNode("node2")!.ClusterManagerState = "ST_STABLE"; return true; }, CancellationToken.None));
        var r = await Run(runtime, "clmgr verify cluster FIX=yes");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Cluster services are active on node node2: errors are corrected only while the cluster is inactive. No error was corrected.", r.Stdout, StringComparison.Ordinal);
        Assert.True(Node(runtime, "node1").FindVgByName("datavg")!.AutoOn);
    }

    [Fact]
    public async Task A_bad_FIX_value_is_refused_naming_the_attribute()
    {
        await using var runtime = await Demo();
        var r = await Run(runtime, "clmgr verify cluster FIX=maybe");
        Assert.Equal(4, r.ExitCode);
        Assert.Contains("\"maybe\" is not a valid value for FIX. Valid values are: no, yes, interactively.", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shared_group_on_other_disks_on_a_node_is_named_with_the_node_and_group()
    {
        await using var runtime = await Demo();
        await On(runtime, "node2", "exportvg appvg");
        var free = (await Run(runtime, "lspv", ["node2"])).Stdout.Split('\n')
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).First(w => w.Length >= 3 && w[2] == "None")[0];
        await On(runtime, "node2", $"mkvg -y appvg -V 61 -n {free}");
        var r = await Run(runtime, "clmgr verify cluster");
        Assert.Equal(1, r.ExitCode);
        // Two nodes, two sets of disks: the group's home node (node2 for rg2) is taken as the reference.
        Assert.Matches("ERROR: The physical volumes of volume group appvg on node node1 have PVIDs [0-9a-f]{16}, but on node node2 they have PVIDs [0-9a-f]{16}\\.", Flat(r.Stderr));
    }

    [Fact]
    public async Task The_cluster_name_cannot_change_while_services_run_on_a_node()
    {
        await using var runtime = await Demo();
        Assert.True(await runtime.Simulation!.ChangeWorldAsync(w => { w.FindNode("node1")!.ClusterManagerState = "ST_STABLE"; return true; }, CancellationToken.None));
        using (var repo = runtime.OpenRepository())
        {
            repo.Update(Store.ConfigDirectory.Default, c => (c with { Cluster = c.Cluster! with { Name = "other_cluster" } }, 0));
        }
        var r = await Run(runtime, "clmgr verify cluster");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("ERROR: Cluster services are active on node node1 (ST_STABLE): the cluster name cannot be changed from demo_cluster to", Flat(r.Stderr), StringComparison.Ordinal);
        Assert.Contains("other_cluster", r.Stderr, StringComparison.Ordinal);
    }
}
