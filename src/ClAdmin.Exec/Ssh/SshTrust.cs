using ClAdmin.Contracts;
using ClAdmin.Exec.Processes;

namespace ClAdmin.Exec.Ssh;

/// <summary>One host key a node presented: <see cref="Known"/> when known_hosts holds it;
/// <see cref="Changed"/> when known_hosts holds another key of its type for the host instead
/// (what ssh refuses as REMOTE HOST IDENTIFICATION HAS CHANGED).</summary>
public sealed record ScannedKey(string Line, string Fingerprint, bool Known)
{
    public bool Changed { get; init; }
}

/// <summary>What a node's scan found: its address, keys, and where ssh looks for known keys.</summary>
public sealed record HostScan(string Node, string Address, string KnownHostsFile, IReadOnlyList<ScannedKey> Keys, string? Error)
{
    /// <summary>The name ssh looks the host up by in known_hosts (<c>[host]:port</c>, or its HostKeyAlias).</summary>
    public string Lookup { get; init; } = "";

    /// <summary>Whether a key the node presented differs from the one recorded for it.</summary>
    public bool Changed => Keys.Any(k => k.Changed);
}

/// <summary>
/// Trust on first use, done in the open: asks ssh how it would reach a node (<c>ssh -G</c>, so
/// the user's config and <c>--ssh-config</c> apply), fetches the host keys the node presents
/// (<c>ssh-keyscan</c>), shows their fingerprints and whether they are already known, and
/// appends the new ones to the user's known_hosts file once confirmed. A changed key is never
/// taken as new: only <see cref="RemoveAsync"/>, asked for by name, removes the old one
/// (<c>ssh-keygen -R</c>) so the new one can be recorded.
/// </summary>
public sealed class SshTrust(IProcessRunner runner, string? configFile)
{
    public async Task<HostScan> ScanAsync(string node, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        List<string> gArgs = configFile is null ? ["-G", "--", node] : ["-F", configFile, "-G", "--", node];
        var g = await runner.RunAsync(new ProcessSpec("ssh", gArgs) { Timeout = TimeSpan.FromSeconds(10) }, cancellationToken).ConfigureAwait(false);
        if (g.ExitCode != 0)
        {
            return new HostScan(node, "", "", [], $"ssh -G failed: {g.Stderr.Trim()}");
        }
        var settings = g.Stdout.Split('\n').Select(l => l.Split(' ', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0]).ToDictionary(p => p.Key, p => p.First()[1].Trim(), StringComparer.Ordinal);
        var host = settings.GetValueOrDefault("hostname", node);
        var port = settings.GetValueOrDefault("port", "22");
        var knownFile = ExpandHome(settings.GetValueOrDefault("userknownhostsfile", "~/.ssh/known_hosts").Split(' ')[0]);
        var alias = settings.GetValueOrDefault("hostkeyalias");
        var address = port == "22" ? host : $"{host}:{port}";

        var scan = await runner.RunAsync(new ProcessSpec("ssh-keyscan", ["-T", "5", "-p", port, "--", host]) { Timeout = TimeSpan.FromSeconds(10) }, cancellationToken)
            .ConfigureAwait(false);
        var lines = scan.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith('#')).ToList();
        if (lines.Count == 0)
        {
            return new HostScan(node, address, knownFile, [], $"no host key from {address}: {LastLine(scan.Stderr) ?? "no answer"}");
        }
        var keys = new List<ScannedKey>();
        var lookup = alias ?? (port == "22" ? host : $"[{host}]:{port}");
        var recordedKeys = await RecordedAsync(knownFile, lookup, cancellationToken).ConfigureAwait(false);
        var offered = lines.Select(l => l.Split(' ', 3)).Where(p => p.Length == 3).ToList();
        // A host known by some key that offers none of its recorded keys has changed, whatever the
        // types: an attacker offering only another key type must not pass for a new key.
        var noneMatches = recordedKeys.Count > 0 && !offered.Any(p => recordedKeys.Contains((p[1], p[2].Split(' ')[0])));
        foreach (var parts in offered)
        {
            var recorded = $"{lookup} {parts[1]} {parts[2]}";
            var fp = await runner.RunAsync(new ProcessSpec("ssh-keygen", ["-l", "-f", "-"]) { StandardInput = recorded + "\n" }, cancellationToken).ConfigureAwait(false);
            var fingerprint = fp.ExitCode == 0 ? Describe(fp.Stdout) : parts[1];
            var key = parts[2].Split(' ')[0];
            var known = recordedKeys.Contains((parts[1], key));
            keys.Add(new ScannedKey(recorded, fingerprint, known)
            {
                Changed = !known && (noneMatches || recordedKeys.Any(r => r.Type == parts[1])),
            });
        }
        return new HostScan(node, address, knownFile, keys, null) { Lookup = lookup };
    }

    /// <summary>Removes every key recorded for the scanned host from its known_hosts file, as
    /// <c>ssh-keygen -R</c> does (hashed names included; the previous file is kept as FILE.old).
    /// Returns ssh-keygen's complaint, or null when it worked.</summary>
    public async Task<string?> RemoveAsync(HostScan scan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var r = await runner.RunAsync(new ProcessSpec("ssh-keygen", ["-R", scan.Lookup, "-f", scan.KnownHostsFile]) { Timeout = TimeSpan.FromSeconds(10) },
            cancellationToken).ConfigureAwait(false);
        return r.ExitCode == 0 ? null : $"ssh-keygen -R {scan.Lookup} -f {scan.KnownHostsFile} failed: {LastLine(r.Stderr) ?? $"exit {r.ExitCode}"}";
    }

    /// <summary>The keys (type, base64) known_hosts records for <paramref name="lookup"/>, found by
    /// <c>ssh-keygen -F</c>, which reads hashed names too. @cert-authority and @revoked lines are not host keys.</summary>
    private async Task<List<(string Type, string Key)>> RecordedAsync(string file, string lookup, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            return [];
        }
        var r = await runner.RunAsync(new ProcessSpec("ssh-keygen", ["-F", lookup, "-f", file]) { Timeout = TimeSpan.FromSeconds(10) }, cancellationToken)
            .ConfigureAwait(false);
        return r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith('#') && !l.StartsWith('@'))
            .Select(l => l.Split(' ', 4, StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length >= 3)
            .Select(p => (p[1], p[2]))
            .ToList();
    }

    /// <summary>Appends known_hosts lines, creating the file (mode 600) and its directory.</summary>
    public static void Record(string knownHostsFile, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(knownHostsFile);
        ArgumentNullException.ThrowIfNull(lines);
        var existed = File.Exists(knownHostsFile);
        var prefix = existed && new FileInfo(knownHostsFile).Length > 0 && !File.ReadAllText(knownHostsFile).EndsWith('\n') ? "\n" : "";
        // One write at the end, whatever another cladmin appends; the directory is made when missing.
        AppendFile.Write(knownHostsFile, prefix + string.Concat(lines.Select(l => l + "\n")));
        if (!existed && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(knownHostsFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>"256 SHA256:abc [127.0.0.2]:22 (ED25519)" → "ED25519 SHA256:abc".</summary>
    private static string Describe(string keygenLine)
    {
        var parts = keygenLine.Trim().Split(' ');
        var type = parts[^1].Trim('(', ')');
        return parts.Length >= 2 ? $"{type} {parts[1]}" : keygenLine.Trim();
    }

    private static string? LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();

    private static string ExpandHome(string path) =>
        path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..])
            : path;
}
