using ClAdmin.Testing;

namespace ClAdmin.Tests;

/// <summary>clmgr verify cluster end to end: the real program, the demo cluster's simulated nodes,
/// clverify.log beside cspoc.log.</summary>
public sealed class VerifyCliTests : CladminCliTest
{

    [Fact]
    public void The_demo_cluster_is_verified_when_it_is_created()
    {
        Assert.False(File.Exists(P("clverify.log")));

        var first = Cladmin("cmd", "--", "true");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("created the demo cluster", first.Stderr, StringComparison.Ordinal);
        var log = File.ReadAllText(P("clverify.log"));
        Assert.Contains("Check: PASSED", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Check: FAILED", log, StringComparison.Ordinal);
    }

    [Fact]
    public void The_demo_verifies_clean_and_a_broken_script_and_volume_group_are_named_with_their_node()
    {
        var clean = Cladmin("cmd", "--", "clmgr", "verify", "cluster");
        Assert.True(clean.ExitCode == 0, clean.Stdout + clean.Stderr);
        Assert.StartsWith("Verification to be performed on the following:\n", clean.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("\nVerification has completed normally.\n", clean.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("ERROR:", clean.Stdout + clean.Stderr, StringComparison.Ordinal);
        var log = File.ReadAllText(P("clverify.log"));
        Assert.StartsWith("clverify started on node node1 at ", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Check: FAILED", log, StringComparison.Ordinal);

        Assert.Equal(0, Cladmin("cmd", "-n", "node2", "--", "chmod", "644", "/usr/local/ha/app1/start.sh").ExitCode);
        Assert.Equal(0, Cladmin("cmd", "-n", "node1", "--", "chvg", "-a", "y", "appvg").ExitCode);

        var broken = Cladmin("cmd", "--", "clmgr", "verify", "cluster");
        Assert.Equal(1, broken.ExitCode);
        var errors = broken.Stderr.Replace("\n", " ", StringComparison.Ordinal);
        Assert.Contains("ERROR: The start script /usr/local/ha/app1/start.sh of application server app1 is not executable on node node2.", errors, StringComparison.Ordinal);
        Assert.Contains("appvg", errors, StringComparison.Ordinal);
        Assert.Contains("on node node1", errors, StringComparison.Ordinal);
        Assert.Contains("Verification exiting with error count: 2", broken.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Verification has completed normally.", broken.Stdout, StringComparison.Ordinal);
        log = File.ReadAllText(P("clverify.log"));
        Assert.Contains("Verification on node node1: FAILED\nVerification on node node2: FAILED\n", log, StringComparison.Ordinal);
    }

    [Fact]
    public void A_crashed_node_fails_verification_with_the_node_named()
    {
        Assert.Equal(0, Cladmin("cmd", "--", "clmgr", "verify", "cluster").ExitCode);
        var fail = Cladmin("sim", "fail", "node", "node2");
        Assert.True(fail.ExitCode == 0, fail.Stdout + fail.Stderr);

        var r = Cladmin("cmd", "--", "clmgr", "verify", "cluster");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("\tCollector on node node1 completed\n\tCollector on node node2 failed", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("ERROR: Node node2 could not be reached: no information was collected from it.\n", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("Verification exiting with error count: 1\n", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_needs_the_cluster_class()
    {
        var r = Cladmin("cmd", "--", "clmgr", "verify", "resource_group");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("\"verify\" action is not available for the \"resource_group\" class", r.Stderr, StringComparison.Ordinal);
    }
}
