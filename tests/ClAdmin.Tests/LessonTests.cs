using ClAdmin.Lessons;
using ClAdmin.Testing;

namespace ClAdmin.Tests;

/// <summary>
/// `cladmin lesson list|start|check`, run as a trainee runs them on a fresh database: every shipped
/// lesson is not done after start and done after its tasks are performed through `cladmin run`,
/// `cladmin cmd` and `cladmin sim`; every file in lessons/ is valid; a bad file is refused naming
/// the file and JSON pointer; check without a started lesson says so.
/// </summary>
public sealed class LessonTests : CladminCliTest
{
    private void Ok(params string[] args)
    {
        var r = Cladmin(args);
        Assert.True(r.ExitCode == 0, $"{string.Join(' ', args)}: rc {r.ExitCode}\n{r.Stdout}\n{r.Stderr}");
    }

    /// <summary>Starts <paramref name="name"/>, sees it not done, performs <paramref name="tasks"/>, sees it done.</summary>
    private void Complete(string name, Action tasks)
    {
        var start = Cladmin("lesson", "start", name);
        Assert.True(start.ExitCode == 0, start.Stdout + start.Stderr);
        Assert.Contains($"Lesson {name}: ", start.Stdout, StringComparison.Ordinal);
        Assert.Contains("Tasks:\n  1. ", start.Stdout, StringComparison.Ordinal);

        var before = Cladmin("lesson", "check");
        Assert.True(before.ExitCode == 1, before.Stdout + before.Stderr);
        Assert.Contains("Task 1, not yet: ", before.Stdout, StringComparison.Ordinal);

        tasks();

        var after = Cladmin("lesson", "check");
        Assert.True(after.ExitCode == 0, after.Stdout + after.Stderr);
        Assert.EndsWith($"task(s) done: lesson {name} is complete.\n", after.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("not yet", after.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_file_in_lessons_is_valid_named_after_its_lesson_and_listed()
    {
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Root, "lessons"), "*.json");
        Assert.True(files.Length >= 10, $"{files.Length} lessons");
        foreach (var file in files)
        {
            var (lesson, errors) = LessonReader.ReadFile(file);
            Assert.True(lesson is not null, string.Join('\n', errors));
        }
        var list = Cladmin("lesson", "list");
        Assert.Equal(0, list.ExitCode);
        Assert.Equal(files.Length, list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("03-node-failure          Node failure and fallover\n", list.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_with_no_lesson_started_says_so_with_exit_2()
    {
        var r = Cladmin("lesson", "check");

        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"cladmin: lesson check: no lesson started in {P("c.db")}; 'cladmin lesson list' shows the lessons, 'cladmin lesson start NAME' starts one\n", r.Stderr);
        Assert.False(File.Exists(P("c.db")));
    }

    [Fact]
    public void A_lesson_file_with_a_schema_error_is_refused_naming_the_file_and_pointer_and_nothing_changes()
    {
        File.WriteAllText(P("bad.json"), """
            {
              "name": "bad",
              "title": "Bad",
              "summary": "A check with an unknown kind.",
              "text": ["x"],
              "world": { "demo": true },
              "tasks": [ { "do": "anything", "check": { "groupz": ["rg1:ONLINE:node1"] } } ]
            }
            """);

        var r = Cladmin("lesson", "start", P("bad.json"));

        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{P("bad.json")}:7: /tasks/0/check", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", r.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(P("c.db")));
    }

    [Fact]
    public void Start_says_what_it_replaced_and_an_unknown_name_is_refused()
    {
        Ok("sim", "init", "--demo");

        var unknown = Cladmin("lesson", "start", "no-such-lesson");
        var start = Cladmin("lesson", "start", "02-start-services");

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no lesson named 'no-such-lesson'", unknown.Stderr, StringComparison.Ordinal);
        Assert.StartsWith($"Replaced the simulated world and the cluster configuration (cluster demo_cluster) in {P("c.db")}.\n", start.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Lesson_01_standard_path() => Complete("01-standard-path", () =>
    {
        Ok("run", "cm_std_cluster_nodes", "cluster_name=c1", "new_nodes=node1 node2");
        Ok("run", "cm_std_add_grp", "rg_type=custom", "rg_name=rg1", "nodes=node1 node2", "startup=Online On Home Node Only",
            "fallover=Fallover To Next Priority Node In The List", "fallback=Never Fallback");
        Ok("run", "cm_ver_and_sync");
    });

    [Fact]
    public void Lesson_02_start_services() => Complete("02-start-services", () =>
    {
        Ok("run", "clstart", "nodes=node1");
        Ok("run", "clstart", "nodes=node2");
    });

    [Fact]
    public void Lesson_03_node_failure() => Complete("03-node-failure", () =>
    {
        Ok("sim", "fail", "node", "node1");
        Ok("sim", "repair", "node", "node1");
        Ok("run", "clstart", "nodes=node1");
    });

    [Fact]
    public void Lesson_04_fallback_policies() => Complete("04-fallback-policies", () =>
    {
        Ok("run", "clstop", "nodes=node1", "rg_action=Move Resource Groups");
        Ok("run", "clstart", "nodes=node1");
        Ok("run", "clstop", "nodes=node2", "rg_action=Move Resource Groups");
        Ok("run", "clstart", "nodes=node2");
    });

    [Fact]
    public void Lesson_05_stop_modes() => Complete("05-stop-modes", () =>
    {
        Ok("run", "clstop", "nodes=node1", "rg_action=Move Resource Groups");
        Ok("run", "clstop", "nodes=node2", "rg_action=Bring Resource Groups Offline");
        Ok("run", "clstart", "nodes=node1 node2");
        Ok("run", "clstop", "nodes=node1", "rg_action=Unmanage Resource Groups");
    });

    [Fact]
    public void Lesson_06_ipat_aliasing() => Complete("06-ipat-aliasing", () =>
    {
        Ok("run", "clstart", "nodes=node1");
        Ok("sim", "fail", "interface", "node1:en0");
    });

    [Fact]
    public void Lesson_07_disk_heartbeat() => Complete("07-disk-heartbeat", () =>
    {
        Ok("cmd", "--", "clmgr", "add", "network", "TYPE=diskhb", "net_diskhb_01");
        Ok("cmd", "--", "clmgr", "add", "interface", "NETWORK=net_diskhb_01", "NODE=node1", "INTERFACE=/dev/hdisk1", "node1_dhb");
        Ok("cmd", "--", "clmgr", "add", "interface", "NETWORK=net_diskhb_01", "NODE=node2", "INTERFACE=/dev/hdisk4", "node2_dhb");
        Ok("run", "cm_ver_and_sync");
        Ok("run", "clstart", "nodes=node1 node2");
        Ok("sim", "fail", "network", "net_ether_01");
        Ok("sim", "fail", "network", "net_ether_02");
        Ok("sim", "repair", "network", "net_ether_02");
    });

    [Fact]
    public void Lesson_08_shared_vg_cspoc() => Complete("08-shared-vg-cspoc", () =>
    {
        Ok("cmd", "--", "cl_mkvg", "-cspoc", "-n node1,node2", "-y", "sharedvg", "-s", "32", "004bae3232940c91");
        Ok("run", "cm_discover_nw_interfaces_and_disks");
        Ok("cmd", "--", "clmgr", "modify", "resource_group", "rg1", "VOLUME_GROUP=datavg sharedvg");
        Ok("run", "cm_ver_and_sync");
        Ok("run", "clstart", "nodes=node1 node2");
    });

    [Fact]
    public void Lesson_09_users_passwords() => Complete("09-users-passwords", () =>
    {
        Ok("run", "cl_mkuser", "user_name=jdoe", "user_id=300");
        var pw = CladminProcess.Run(["--db", P("c.db"), "--log", P("cladmin.log"), "--script", P("cladmin.script"), "run", "cl_chpasswd", "user_name=jdoe"],
            "Secret123\n", new Dictionary<string, string> { ["CLADMIN_CSPOC_LOG"] = P("cspoc.log") });
        Assert.True(pw.ExitCode == 0, pw.Stdout + pw.Stderr);
    });

    [Fact]
    public void Lesson_10_snapshots() => Complete("10-snapshots", () =>
    {
        Ok("run", "cm_add_snap", "snapshot_name=before_change", "description=before the change");
        Ok("cmd", "--", "clmgr", "delete", "resource_group", "rg2");
        Ok("run", "cm_restore_dcd", "--yes");
        Ok("cmd", "--", "clsnapshot", "-a", "-n", "before_change");
    });

    [Fact]
    public void Lesson_11_node_by_node_upgrade() => Complete("11-node-by-node-upgrade", () =>
    {
        Ok("run", "cm_add_snap", "snapshot_name=pre_migration", "description=before the migration to 5.5");
        Ok("run", "clstop", "nodes=node1", "rg_action=Move Resource Groups");
        Ok("cmd", "-n", "node1", "--", "installp", "-agXd", "/usr/sys/inst.images/hacmp55", "all");
        Ok("cmd", "-n", "node1", "--", "lppchk", "-v");
        Ok("cmd", "-n", "node1", "--", "shutdown", "-Fr");
        Ok("run", "clstart", "nodes=node1");
        // Mixed versions: the synchronization is refused, and the change backed out.
        Ok("cmd", "--", "clmgr", "modify", "resource_group", "rg1", "FALLBACK=NFB");
        var refused = Cladmin("cmd", "--", "clmgr", "sync", "cluster");
        Assert.True(refused.ExitCode != 0, refused.Stdout + refused.Stderr);
        Assert.Contains("cldare: Error detected during synchronization.", refused.Stderr, StringComparison.Ordinal);
        Ok("run", "cm_restore_dcd", "--yes");
        Ok("run", "clstop", "nodes=node2", "rg_action=Move Resource Groups");
        Ok("cmd", "-n", "node2", "--", "installp", "-agXd", "/usr/sys/inst.images/hacmp55", "all");
        Ok("cmd", "-n", "node2", "--", "shutdown", "-Fr");
        Ok("run", "clstart", "nodes=node2");
        Ok("cmd", "--", "clmgr", "modify", "resource_group", "rg1", "FALLBACK=NFB");
        Ok("run", "cm_ver_and_sync");
    });

    [Fact]
    public void Lesson_12_snapshot_conversion() => Complete("12-snapshot-conversion", () =>
    {
        Ok("run", "cm_add_snap", "snapshot_name=hacmp541", "description=HACMP 5.4.1 configuration");
        Ok("cmd", "-n", "node1,node2", "--", "installp", "-u", "cluster");
        Ok("cmd", "-n", "node1,node2", "--", "installp", "-agXd", "/usr/sys/inst.images/hacmp55", "all");
        Ok("cmd", "-n", "node1", "--", "clconvert_snapshot", "-C", "-v", "5.4.1", "-s", "hacmp541");
        Ok("cmd", "-n", "node1,node2", "--", "shutdown", "-Fr");
        Ok("cmd", "--", "clsnapshot", "-a", "-n", "hacmp541");
        Ok("run", "clstart", "nodes=node1 node2");
    });
}
