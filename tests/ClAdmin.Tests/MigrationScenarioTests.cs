namespace ClAdmin.Tests;

/// <summary>
/// The two migration paths of the seed notes (000: "Upgrading the cluster options: node by node
/// migration and snapshot conversion") on the demo cluster, from HACMP 5.4.1 to 5.5, through the
/// dispatcher as a trainee drives them: installp, lppchk, shutdown -Fr, cluster services, clsnapshot,
/// clconvert_snapshot, cl_convert.
/// </summary>
public sealed class MigrationScenarioTests : DemoScenario
{
    private const string Media541 = "/usr/sys/inst.images/hacmp541";
    private const string Media55 = "/usr/sys/inst.images/hacmp55";

    /// <summary>The demo as a site running HACMP 5.4.1: 5.5 removed and 5.4.1 installed on both nodes, rebooted, synchronized.</summary>
    private static async Task On541(Runtime runtime)
    {
        foreach (var node in new[] { "node1", "node2" })
        {
            await Ok(runtime, "installp -u cluster", node);
            await Ok(runtime, $"installp -agXd {Media541} all", node);
            await Ok(runtime, "shutdown -Fr", node);
        }
        await Ok(runtime, "clmgr sync cluster");
    }

    private static async Task<string> ServerLevel(Runtime runtime, string node) =>
        (await Ok(runtime, "lslpp -Lq cluster.es.server.rte", node)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];

    private static async Task Upgrade(Runtime runtime, string node)
    {
        var install = await Ok(runtime, $"installp -agXd {Media55} all", node);
        Assert.Contains("installp:  APPLYING software for:", install, StringComparison.Ordinal);
        Assert.Contains($"{"cluster.es.server.rte",-28}{"5.5.0.10",-16}{"USR",-12}{"APPLY",-12}SUCCESS", install, StringComparison.Ordinal);
        // The install guide: both checks run clean after a good installation.
        Assert.Equal("", await Ok(runtime, "lppchk -v", node));
        Assert.Equal("", await Ok(runtime, "lppchk -c cluster*", node));
        await Ok(runtime, "shutdown -Fr", node);
    }

    [Fact]
    public async Task Node_by_node_migration_refuses_synchronization_while_mixed_and_backs_out_with_the_active_configuration()
    {
        await using var runtime = await Demo();
        await On541(runtime);
        await Ok(runtime, StartLine);
        await Ok(runtime, "clsnapshot -c -n pre_migration -d 'Before the migration to 5.5'");

        // node1: stop with takeover, install 5.5, reboot, start: the cluster now runs mixed.
        await Ok(runtime, "cl_clstop -cspoc \"-n node1\" -y -N -gr");
        Assert.Equal(["rg1:OFFLINE:node1", "rg1:ONLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));
        await Upgrade(runtime, "node1");
        await Ok(runtime, "/usr/es/sbin/cluster/sbin/cl_rc.cluster -cspoc \"-n node1\" -N -A -b");
        Assert.Equal("ST_STABLE", await ManagerState(runtime, "node1"));
        Assert.Equal("5.5.0.10", await ServerLevel(runtime, "node1"));
        Assert.Equal("5.4.1.0", await ServerLevel(runtime, "node2"));

        // A change made meanwhile cannot be synchronized, not even forced, until every node is migrated.
        const string Acd = "ODMDIR=/usr/es/sbin/cluster/etc/objrepos/active";
        var active = await Ok(runtime, $"{Acd} odmget HACMPgroup");
        await Ok(runtime, "clmgr modify resource_group rg1 FALLBACK=NFB");
        foreach (var sync in new[] { "clmgr sync cluster FORCE=yes", "clmgr sync cluster VERIFY=no" })
        {
            var refused = await Run(runtime, sync);
            Assert.NotEqual(0, refused.ExitCode);
            Assert.Contains("node1 5.5.0.10", refused.Stderr, StringComparison.Ordinal);
            Assert.Contains("node2 5.4.1.0", refused.Stderr, StringComparison.Ordinal);
            Assert.EndsWith("cldare: Error detected during synchronization.\n", refused.Stderr, StringComparison.Ordinal);
            Assert.Equal(active, await Ok(runtime, $"{Acd} odmget HACMPgroup"));
        }

        // The back-out (seeds 000): restore the configuration database from the active configuration.
        await Ok(runtime, "clsnapshot -R");
        Assert.Equal(active, await Ok(runtime, "odmget HACMPgroup"));

        // node2 the same way; then every node runs 5.5 and synchronization works again.
        await Ok(runtime, "cl_clstop -cspoc \"-n node2\" -y -N -gr");
        Assert.Equal(["rg1:ONLINE:node1", "rg1:OFFLINE:node2", "rg2:OFFLINE:node2", "rg2:ONLINE:node1"], await Groups(runtime));
        await Upgrade(runtime, "node2");
        await Ok(runtime, "/usr/es/sbin/cluster/sbin/cl_rc.cluster -cspoc \"-n node2\" -N -A -b");
        await Ok(runtime, "clmgr sync cluster");
        Assert.Equal("ST_STABLE", await ManagerState(runtime, "node2"));
    }

    [Fact]
    public async Task Snapshot_conversion_saves_removes_installs_converts_and_applies()
    {
        await using var runtime = await Demo();
        await On541(runtime);
        await Ok(runtime, "clsnapshot -c -n hacmp541 -d 'HACMP 5.4.1 configuration'");
        Assert.Contains("cluster_version = 9", await Ok(runtime, "cat /usr/es/sbin/cluster/snapshots/hacmp541.odm", "node1"), StringComparison.Ordinal);

        foreach (var node in new[] { "node1", "node2" })
        {
            await Ok(runtime, "installp -u cluster", node);
            Assert.Equal(1, (await Run(runtime, "lslpp -l cluster.es.server.rte", node)).ExitCode);
            await Upgrade(runtime, node);
            await Ok(runtime, "cl_convert -F -v 5.4.1", node);
        }

        // Applying the snapshot before it is converted fails: it was saved by 5.4.1.
        var early = await Run(runtime, "clsnapshot -a -n hacmp541");
        Assert.NotEqual(0, early.ExitCode);
        Assert.Contains("clconvert_snapshot", early.Stderr, StringComparison.Ordinal);

        var convert = await Ok(runtime, "clconvert_snapshot -C -v 5.4.1 -s hacmp541", "node1");
        Assert.Contains("converted from HACMP 5.4.1 to 5.5", convert, StringComparison.Ordinal);
        Assert.Contains("cluster_version = 10", await Ok(runtime, "cat /usr/es/sbin/cluster/snapshots/hacmp541.odm", "node1"), StringComparison.Ordinal);
        Assert.Contains("cluster_version = 9", await Ok(runtime, "cat /usr/es/sbin/cluster/snapshots/hacmp541.odm.old", "node1"), StringComparison.Ordinal);
        Assert.Contains("clconvert_snapshot", await Ok(runtime, "cat /tmp/clconvert.log", "node1"), StringComparison.Ordinal);
        Assert.Contains("cl_convert", await Ok(runtime, "cat /tmp/clconvert.log", "node2"), StringComparison.Ordinal);

        await Ok(runtime, "clsnapshot -a -n hacmp541");
        await Ok(runtime, StartLine);
        Assert.Equal(["rg1:ONLINE:node1", "rg1:OFFLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));
    }

    [Fact]
    public async Task Starting_cluster_services_after_installing_a_new_server_fileset_waits_for_the_reboot()
    {
        // Seeds 000: "After installation rebooting ... is required because to activate the new cluster manager."
        await using var runtime = await Demo();
        await Ok(runtime, "installp -u cluster", "node1");
        await Ok(runtime, $"installp -agXd {Media541} all", "node1");

        var refused = await Run(runtime, StartLine);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("node1: cluster.es.server.rte 5.4.1.0 was installed and the node has not been rebooted since", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("shutdown -Fr", refused.Stderr, StringComparison.Ordinal);
        // Refused as a whole: no node started.
        Assert.Equal("ST_INIT", await ManagerState(runtime, "node1"));
        Assert.Equal("ST_INIT", await ManagerState(runtime, "node2"));
        Assert.Equal(1, (await Run(runtime, "clmgr online node node1")).ExitCode);
        Assert.Equal("ST_INIT", await ManagerState(runtime, "node1"));

        await Ok(runtime, "shutdown -Fr", "node1");
        await Ok(runtime, "/usr/es/sbin/cluster/sbin/cl_rc.cluster -cspoc \"-n node1\" -N -A -b");
        Assert.Equal("ST_STABLE", await ManagerState(runtime, "node1"));
    }

    /// <summary>sum -r of <paramref name="text"/> as GNU coreutils computes it (the BSD algorithm, the
    /// checksum the AIX inventory records): an oracle independent of the simulator.</summary>
    private static int SumR(string text)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, text);
            using var sum = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sum", ["-r", file]) { RedirectStandardOutput = true })!;
            var output = sum.StandardOutput.ReadToEnd();
            sum.WaitForExit();
            return int.Parse(output.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Lppchk_c_reports_each_installed_file_whose_checksum_differs()
    {
        const string HarcNet = "/usr/es/sbin/cluster/etc/harc.net";
        await using var runtime = await Demo();
        // The install guide (outputs §5.4): silent and 0 when the files are as installed.
        var clean = await Run(runtime, "lppchk -c 'cluster*'", "node1");
        Assert.Equal((0, "", ""), (clean.ExitCode, clean.Stdout, clean.Stderr));
        var shipped = await Ok(runtime, $"cat {HarcNet}", "node1");
        Assert.NotEqual("", shipped);

        // A trainee edits an installed file: one error line for it (outputs §5.4 VERBATIM layout).
        await Ok(runtime, $"sh -c \"echo '# edited' >> {HarcNet}\"", "node1");
        var check = await Run(runtime, "lppchk -c 'cluster*'", "node1");
        Assert.Equal(1, check.ExitCode);
        Assert.Equal(
            $"lppchk:  The checksum for file {HarcNet} is {SumR(shipped + "# edited\n")},\n" +
            $"           expected value is {SumR(shipped)}.\n", check.Stderr);
        // Another node, and filesets the pattern does not name, are not concerned.
        Assert.Equal(0, (await Run(runtime, "lppchk -c 'cluster*'", "node2")).ExitCode);
        Assert.Equal(0, (await Run(runtime, "lppchk -c 'rsct*'", "node1")).ExitCode);

        // Installing the fileset again puts the file back as shipped.
        await Ok(runtime, "installp -u cluster", "node1");
        await Ok(runtime, "installp -agXd /usr/sys/inst.images/hacmp55 all", "node1");
        Assert.Equal(0, (await Run(runtime, "lppchk -c 'cluster*'", "node1")).ExitCode);
    }
}
