using ClAdmin.Contracts;
using ClAdmin.Exec.Utilities;

namespace ClAdmin.Exec.Tests.Utilities;

/// <summary>Each formatter against a golden file written by hand from the reference layouts (§6).</summary>
public sealed class UtilityGoldenTests : IDisposable
{
    private readonly UtilityFixture _cluster = new UtilityFixture().Configure();

    public void Dispose() => _cluster.Dispose();

    private void Golden(string file, string line, IClusterState? state = null)
    {
        var r = _cluster.Run(line, state ?? FakeState.Running());
        Assert.True(r.ExitCode == 0, $"{line}: {r.Stderr}");
        Assert.Equal("", r.Stderr);
        Assert.Equal(UtilityFixture.Golden(file), r.Stdout);
    }

    [Fact] public void ClRGinfo_default() => Golden("clRGinfo.txt", "clRGinfo");
    [Fact] public void ClRGinfo_verbose_one_group() => Golden("clRGinfo-v-rg1.txt", "clRGinfo -v rg1");
    [Fact] public void ClRGinfo_colon() => Golden("clRGinfo-s.txt", "clRGinfo -s");
    [Fact] public void ClRGinfo_c_is_the_colon_form_too() => Golden("clRGinfo-s.txt", "clRGinfo -c");
    [Fact] public void Cltopinfo_default() => Golden("cltopinfo.txt", "cltopinfo");
    [Fact] public void Cllsif_default() => Golden("cllsif.txt", "cllsif");
    [Fact] public void Cllsif_colon() => Golden("cllsif-c.txt", "cllsif -c");
    [Fact] public void Cllsnode() => Golden("cllsnode.txt", "cllsnode");
    [Fact] public void Clshowsrv_verbose_when_stopped() => Golden("clshowsrv-v.txt", "clshowsrv -v", StoppedClusterState.Instance);
    [Fact] public void Cldisp_running() => Golden("cldisp.txt", "cldisp");
    [Fact] public void Clshowres_one_group() => Golden("clshowres-g-rg2.txt", "clshowres -g rg2");
}
