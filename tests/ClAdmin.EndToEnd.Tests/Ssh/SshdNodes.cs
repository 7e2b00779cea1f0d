using System.Diagnostics;
using ClAdmin.Testing;

namespace ClAdmin.EndToEnd.Tests.Ssh;

/// <summary>
/// Real sshd daemons on loopback addresses, started with scripts/sshd-nodes.sh in a throwaway
/// directory and stopped when the test class is done. Each fixture gets its own port, so
/// classes run side by side.
/// </summary>
public abstract class SshdNodes : IDisposable
{
    protected SshdNodes(int count)
    {
        Dir = Directory.CreateTempSubdirectory("cladmin-sshd-").FullName;
        Script("start", count.ToString(System.Globalization.CultureInfo.InvariantCulture), Dir);
        Nodes = File.ReadAllLines(Path.Combine(Dir, "nodes"));
    }

    public string Dir { get; }
    public string Config => Path.Combine(Dir, "ssh_config");
    public IReadOnlyList<string> Nodes { get; }

    /// <summary>Makes one node refuse connections (its daemon restarts without its address).</summary>
    public void StopNode(string node) => Script("stop", Dir, node);

    /// <summary>cladmin with the ssh transport and this fixture's config; the cspoc log goes to the fixture dir.</summary>
    public ProcessResult Cladmin(params string[] args) => CladminWithInput(null, args);

    public ProcessResult CladminWithInput(string? stdin, params string[] args) =>
        CladminProcess.Run(["--transport", "ssh", "--ssh-config", Config, .. args], stdin,
            new Dictionary<string, string> { ["CLADMIN_CSPOC_LOG"] = Path.Combine(Dir, "cspoc.log") });

    /// <summary>Starts cladmin in the background with the ssh transport and <paramref name="config"/>
    /// (this fixture's by default), its input closed and its output redirected; as the leader of a
    /// process group of its own when <paramref name="ownGroup"/> (as a shell starts a foreground
    /// job: a signal to the group then reaches every ssh as well as cladmin).</summary>
    public Process StartCladmin(string? config, bool ownGroup, params string[] args)
    {
        var info = CladminProcess.StartInfo(["--transport", "ssh", "--ssh-config", config ?? Config, .. args]);
        if (ownGroup)
        {
            info.ArgumentList.Insert(0, info.FileName); // setsid execs in place
            info.FileName = "setsid";
        }
        info.RedirectStandardError = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardInput = true;
        info.Environment["CLADMIN_CSPOC_LOG"] = Path.Combine(Dir, "cspoc.log");
        var p = Process.Start(info)!;
        p.StandardInput.Close();
        return p;
    }

    /// <summary>Waits up to 20 s for <paramref name="count"/> processes running exactly
    /// <paramref name="argv"/>; returns how many run.</summary>
    public static async Task<int> WaitForRunning(int count, params string[] argv)
    {
        var deadline = Stopwatch.StartNew();
        while (ProcessesRunning(argv).Count < count && deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50);
        }
        return ProcessesRunning(argv).Count;
    }

    /// <summary>Sends SIGINT (Ctrl-C) to a process, or to its whole process group.</summary>
    public static void Interrupt(Process p, bool wholeGroup = false)
    {
        var target = (wholeGroup ? "-" : "") + p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var kill = Process.Start("kill", ["-INT", "--", target])!;
        kill.WaitForExit();
    }

    public void Dispose()
    {
        Script("stop", Dir);
        Directory.Delete(Dir, recursive: true);
        GC.SuppressFinalize(this);
    }

    private static void Script(params string[] args)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(RepoPaths.Root, "scripts", "sshd-nodes.sh"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        using var p = Process.Start(info)!;
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"sshd-nodes.sh {string.Join(' ', args)} failed: {err.Result}");
        }
    }

    /// <summary>Processes whose command line contains <paramref name="text"/> (read from /proc; nothing is killed).</summary>
    public static IReadOnlyList<int> ProcessesMentioning(string text) => Processes(c => c.Contains(text, StringComparison.Ordinal));

    /// <summary>Processes whose command line is exactly these words, as a remote command shows up.</summary>
    public static IReadOnlyList<int> ProcessesRunning(params string[] argv) => Processes(c => c == string.Join(' ', argv) + " ");

    private static List<int> Processes(Func<string, bool> match)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (match(cmdline))
                {
                    found.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile.
            }
        }
        return found;
    }
}

public sealed class EightNodes() : SshdNodes(8);

public sealed class EightNodesWithFailures() : SshdNodes(8);

public sealed class TwoNodes() : SshdNodes(2);
