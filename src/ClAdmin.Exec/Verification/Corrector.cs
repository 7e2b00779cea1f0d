using ClAdmin.Cluster.Verification;
using ClAdmin.Contracts;
using ClAdmin.Exec.FanOut;

namespace ClAdmin.Exec.Verification;

/// <summary>What one corrective action did: whether it worked, why not, and the /etc/hosts backup it left ("" when none).</summary>
public sealed record CorrectionOutcome(bool Ok, string Failure = "", string Backup = "");

/// <summary>
/// Makes a <see cref="Correction"/> on its node with the AIX commands an administrator would type,
/// through the fan-out engine (so through whatever transport: simulated nodes, SSH), each value a
/// word of its own that the transport quotes:
/// <c>importvg -V MAJOR -y VG -n HDISK</c> then <c>chvg -a n VG</c>; <c>chvg -a n VG</c>;
/// <c>chmod ugo+x SCRIPT</c>; for /etc/hosts, a backup <c>/etc/hosts.YYYYMMDD</c> (one a day,
/// semantics §9.3 item 2: <c>date</c>, <c>ls</c>, <c>cat</c>, <c>tee</c>) then the entry appended with <c>tee -a /etc/hosts</c>.
/// </summary>
public sealed class Corrector(FanOutEngine engine)
{
    public async Task<CorrectionOutcome> ApplyAsync(Correction correction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(correction);
        var node = correction.Node;
        async Task<NodeResult> Run(IReadOnlyList<string> argv, string stdin = "")
        {
            var result = await engine.RunAsync([node], NodeOperation.Same(argv, stdin), new FanOutOptions(), null, cancellationToken).ConfigureAwait(false);
            return result.Results[0];
        }
        static CorrectionOutcome Failed(NodeResult r) =>
            new(false, $"{r.Node}: exit code {r.ExitCode}: {(r.Stderr + r.Stdout).Trim()}");

        switch (correction.Kind)
        {
            case CorrectionKind.ImportVolumeGroup:
            {
                var import = await Run(["importvg", "-V", correction.Major.ToString(System.Globalization.CultureInfo.InvariantCulture), "-y", correction.Object, "-n", correction.Disk]).ConfigureAwait(false);
                if (import.ExitCode != 0)
                {
                    return Failed(import);
                }
                var off = await Run(["chvg", "-a", "n", correction.Object]).ConfigureAwait(false);
                return off.ExitCode == 0 ? new(true) : Failed(off);
            }
            case CorrectionKind.AutoVaryonOff:
            {
                var off = await Run(["chvg", "-a", "n", correction.Object]).ConfigureAwait(false);
                return off.ExitCode == 0 ? new(true) : Failed(off);
            }
            case CorrectionKind.MakeExecutable:
            {
                var chmod = await Run(["chmod", "ugo+x", correction.Object]).ConfigureAwait(false);
                return chmod.ExitCode == 0 ? new(true) : Failed(chmod);
            }
            default:
                return await AddHostsEntryAsync(correction, Run).ConfigureAwait(false);
        }
    }

    private static async Task<CorrectionOutcome> AddHostsEntryAsync(Correction c, Func<IReadOnlyList<string>, string, Task<NodeResult>> run)
    {
        if (!OneWord(c.Address) || !OneWord(c.Object))
        {
            return new(false, $"{c.Node}: the label or address is not one word and is not written to /etc/hosts");
        }
        var hosts = await run(["cat", "/etc/hosts"], "").ConfigureAwait(false);
        if (hosts.ExitCode != 0)
        {
            return new(false, $"{c.Node}: /etc/hosts cannot be read: {(hosts.Stderr + hosts.Stdout).Trim()}");
        }
        var backup = "";
        var date = await run(["date", "+%Y%m%d"], "").ConfigureAwait(false);
        var stamp = date.Stdout.Trim();
        if (date.ExitCode == 0 && stamp.Length == 8 && stamp.All(char.IsAsciiDigit))
        {
            var path = "/etc/hosts." + stamp;
            if ((await run(["ls", "-d", path], "").ConfigureAwait(false)).ExitCode != 0)
            {
                var saved = await run(["tee", path], hosts.Stdout).ConfigureAwait(false);
                if (saved.ExitCode != 0)
                {
                    return new(false, $"{c.Node}: the backup {path} cannot be written: {saved.Stderr.Trim()}");
                }
                backup = path;
            }
        }
        var line = (hosts.Stdout.Length > 0 && !hosts.Stdout.EndsWith('\n') ? "\n" : "") + c.Address + "\t" + c.Object + "\n";
        var added = await run(["tee", "-a", "/etc/hosts"], line).ConfigureAwait(false);
        return added.ExitCode == 0 ? new(true, Backup: backup) : new(false, $"{c.Node}: /etc/hosts cannot be written: {added.Stderr.Trim()}");
    }

    private static bool OneWord(string s) => s.Length > 0 && !s.Any(ch => char.IsWhiteSpace(ch) || char.IsControl(ch) || ch == '#');
}
