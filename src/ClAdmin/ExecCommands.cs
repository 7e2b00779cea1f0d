using System.CommandLine;
using System.Globalization;
using System.Text;
using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.FanOut;
using ClAdmin.Exec.Nodes;
using ClAdmin.Exec.Processes;
using ClAdmin.Exec.Ssh;
using ClAdmin.Shell;

namespace ClAdmin;

/// <summary>
/// The execution verbs: <c>cladmin cmd</c> (run a command on nodes, folded output) and
/// <c>cladmin ssh trust</c>, plus the global <c>--transport</c> and <c>--ssh-config</c> options.
/// </summary>
public sealed class ExecCommands
{
    private readonly TextWriter _output;
    private readonly TextWriter _error;

    private ExecCommands(TextWriter output, TextWriter error)
    {
        _output = output;
        _error = error;
    }

    /// <summary>The static factory Cli.cs calls.</summary>
    public static ExecCommands Create(TextWriter output, TextWriter error) => new(output, error);

    /// <summary>--transport sim|ssh|local (global).</summary>
    public Option<string> Transport { get; } = new Option<string>("--transport")
    {
        Description = "How commands reach nodes: sim (simulated AIX nodes kept in the database; the default), ssh (real hosts), or local (this machine only)",
        Recursive = true,
        DefaultValueFactory = _ => "sim",
    }.AcceptOnlyFromAmong("sim", "ssh", "local");

    /// <summary>--node NAME (global): the node commands run "locally" on.</summary>
    public Option<string?> Node { get; } = new("--node")
    {
        Description = "The node commands run on when none is named (default: the first cluster node)",
        Recursive = true,
    };

    /// <summary>The runtime settings the global options ask for.</summary>
    public RuntimeOptions RuntimeOptionsOf(ParseResult parse, double? connectTimeoutSeconds = null)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new RuntimeOptions
        {
            DatabasePath = OdmCommands.DatabasePath(parse),
            Transport = parse.GetValue(Transport) ?? "sim",
            SshConfig = parse.GetValue(SshConfig),
            Node = parse.GetValue(Node),
            ConnectTimeout = TimeSpan.FromSeconds(connectTimeoutSeconds ?? 10),
        };
    }

    /// <summary>--ssh-config FILE (global), passed to ssh as -F.</summary>
    public Option<string?> SshConfig { get; } = new("--ssh-config")
    {
        Description = "An ssh config file for the ssh transport (passed to ssh as -F)",
        Recursive = true,
    };

    /// <summary><c>cladmin cmd [-n NODESET] [-x NODESET] [--timeout S] -- COMMAND [ARGS...]</c></summary>
    public Command Cmd(LogOptions logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
        var nodes = new Option<string?>("--nodes", "-n") { Description = "Target nodes, as a node set: node[01-32], node1,node2, @group (default: this machine)" };
        var exclude = new Option<string?>("--exclude", "-x") { Description = "Nodes to leave out, as a node set" };
        var width = new Option<int>("--fanout", "-f") { Description = "How many nodes run at once", DefaultValueFactory = _ => FanOutOptions.DefaultWidth };
        var timeout = new Option<double?>("--timeout", "-t") { Description = "Seconds a command may run on a node before it is stopped there" };
        var connect = new Option<double>("--connect-timeout") { Description = "Seconds to wait for an ssh connection", DefaultValueFactory = _ => 10 };
        var lines = new Option<bool>("--lines", "-L") { Description = "Print each node's output as it arrives, lines prefixed 'node: ', instead of folding identical output" };
        var repeat = new Option<int>("--repeat") { Description = "Run the command this many times over the same sessions (polling, benchmarks)", DefaultValueFactory = _ => 1 };
        var timing = new Option<bool>("--timing") { Description = "Print each round's wall time on stderr (cladmin: round N: S s)" };
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object: command, status, exitCode, stdout, stderr, nodes[] (see README)" };
        var command = new Argument<string[]>("command") { Description = "The command and its arguments, after --; each argument arrives on the node as one word, literally", Arity = ArgumentArity.OneOrMore };
        var cmd = new Command("cmd", "Run a command line through the dispatcher, as a dialog would: clmgr, C-SPOC and cluster utilities, or any command on nodes (identical output folded under the node set that printed it). Exit 0, or 1 when any node failed, timed out or was unreachable.\n\nExamples:\n  cladmin cmd -n 'node[1-2]' -- lsvg -o\n  cladmin cmd -- clRGinfo -v\n  printf 'jdoe:NewPass1\\n' | cladmin cmd -- cl_chpasswd -cspoc \"-n node1,node2\"\n  cladmin --transport ssh cmd -n 'web[1-4]' --json -- uptime")
        {
            nodes, exclude, width, timeout, connect, lines, repeat, timing, json, command,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var argv = parse.GetValue(command) ?? [];
            if (argv.Length == 0 || argv[0].Length == 0)
            {
                return Usage("cmd: no command given; write it after --, as in: cladmin cmd -n node[1-4] -- uptime");
            }
            if (parse.GetValue(width) < 1 || parse.GetValue(repeat) < 1)
            {
                return Usage("cmd: --fanout and --repeat must be at least 1");
            }
            if ((BadSeconds(parse, timeout) ?? BadSeconds(parse, connect)) is { } badSeconds)
            {
                return Usage($"cmd: {badSeconds}");
            }
            if (parse.GetValue(logs.NoExecute))
            {
                // cladmin -x cmd ...: log what would run, run nothing (its own -x, after cmd, is --exclude).
                string line;
                try
                {
                    line = NoExecuteLine(argv, parse.GetValue(nodes), parse.GetValue(exclude));
                }
                catch (FormatException e)
                {
                    return Usage($"cmd: {e.Message}");
                }
                logs.Open(parse, _error).Command(line, 0, run: false);
                _output.WriteLine($"cladmin -x: not run; logged: {line}");
                return ExitCodes.Ok;
            }
            await using var runtime = await Runtime.CreateAsync(RuntimeOptionsOf(parse, parse.GetValue(connect)), _error, ct);
            // The command's name comes after any assignments (ODMDIR=... odmget, _SPOC_FORCE=Y cl_...).
            var name = NameOf(argv);
            var targeted = parse.GetValue(nodes) is not null || parse.GetValue(exclude) is not null;
            var handles = runtime.Dispatcher.Handles(name);
            IReadOnlyList<string> targets = [];
            if (targeted || !handles)
            {
                try
                {
                    // The local node is looked up only when no node is named; @all and @RG from the configuration.
                    var groups = runtime.Nodes;
                    var set = parse.GetValue(nodes) is { } text ? NodeSet.Parse(text, groups) : NodeSet.Of([runtime.LocalNode]);
                    if (parse.GetValue(exclude) is { } x)
                    {
                        set = set.Except(NodeSet.Parse(x, groups));
                    }
                    targets = set.ToList();
                }
                catch (FormatException e)
                {
                    return Usage($"cmd: {e.Message}");
                }
            }
            if (handles)
            {
                if (targeted && NotTargetable(name) is { } why)
                {
                    return Usage($"cmd: {why}");
                }
                if (targeted && targets.Count == 0)
                {
                    return Usage("cmd: no node left to run on");
                }
                var stdinText = Console.IsInputRedirected ? await Console.In.ReadToEndAsync(ct) : "";
                // clmgr, C-SPOC and the cluster utilities: exactly what a dialog would run; a C-SPOC
                // command given -n/-x runs on those nodes (as F5 re-runs on the nodes that failed).
                var line = ShellWords.Join(argv);
                var handled = await runtime.Dispatcher.RunAsync(new CommandRequest(line, stdinText, targeted ? targets : null)
                {
                    Timeout = parse.GetValue(timeout) is { } t ? TimeSpan.FromSeconds(t) : null,
                    // Questions (clverify FIX=interactively) are asked on the terminal; without one, no one is asked.
                    Prompt = parse.GetValue(json) ? null : TerminalPrompt.ForConsole(_error),
                }, ct);
                if (parse.GetValue(json))
                {
                    ResultJson.Write(_output, line, handled);
                    return ExitCodes.Of(handled);
                }
                _output.Write(handled.Stdout);
                _error.Write(handled.Stderr);
                if (handled.Nodes.Count > 1 || handled.Nodes.Any(n => n.Outcome != NodeOutcome.Ok))
                {
                    _error.WriteLine("cladmin: " + Summary(handled.Nodes));
                }
                return ExitCodes.Of(handled);
            }
            if (targets.Count == 0)
            {
                return Usage("cmd: no node left to run on");
            }
            // Standard input is spooled to a private temporary file and streamed from it to each
            // node as bytes: never held in memory, never re-encoded.
            InputSpool? spooled = null;
            try
            {
                spooled = Console.IsInputRedirected ? await InputSpool.CreateAsync(Console.OpenStandardInput(), ct) : null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _error.WriteLine($"cladmin: cmd: cannot spool standard input in {Path.GetTempPath()}: {e.Message} (set TMPDIR to a writable directory with room)");
                return ExitCodes.Failed;
            }
            using var stdin = spooled;
            var options = new FanOutOptions
            {
                Width = parse.GetValue(width),
                CommandTimeout = parse.GetValue(timeout) is { } s ? TimeSpan.FromSeconds(s) : null,
            };
            var folded = parse.GetValue(nodes) is not null || targets.Count > 1;
            var stream = parse.GetValue(lines);
            var exit = ExitCodes.Ok;
            for (var round = 0; round < parse.GetValue(repeat); round++)
            {
                Action<NodeResult>? onResult = stream ? r => WritePrefixed(r) : null;
                var clock = System.Diagnostics.Stopwatch.StartNew();
                // A single run is one command per node: over ssh it takes a connection of its own,
                // as pdsh and clush do; --repeat keeps sessions open between rounds.
                var ownConnection = parse.GetValue(repeat) == 1;
                var operation = new NodeOperation(node => new NodeCommand(node, argv) { OpenStandardInput = stdin is null ? null : stdin.Open, OwnConnection = ownConnection });
                var result = await runtime.FanOut.RunAsync(targets, operation, options, onResult, ct);
                if (parse.GetValue(json))
                {
                    ResultJson.Write(_output, ShellWords.Join(argv), Dispatcher.ToCommandResult(result));
                }
                else
                {
                    Report(result, folded, stream);
                }
                if (parse.GetValue(timing))
                {
                    _error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cladmin: round {round + 1}: {clock.Elapsed.TotalSeconds:0.000000} s"));
                }
                if (!result.AllOk)
                {
                    exit = ExitCodes.Failed;
                }
                if (result.Interrupted)
                {
                    break;
                }
            }
            return exit;
        });
        return cmd;
    }

    /// <summary><c>cladmin ssh trust NODESET [--yes] [--replace-changed]</c></summary>
    public Command Ssh()
    {
        var nodes = new Argument<string>("nodeset") { Description = "The nodes whose host keys to review and record" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Record the keys shown without asking" };
        var replaceChanged = new Option<bool>("--replace-changed")
        {
            Description = "For a node whose host key CHANGED, remove the old key from known_hosts (as ssh-keygen -R does) and record the new one",
        };
        var trust = new Command("trust", "Show every node's SSH host key fingerprint and record them in known_hosts on confirmation (trust on first use)")
        {
            nodes, yes, replaceChanged,
        };
        trust.SetAction(async (parse, ct) =>
        {
            NodeSet set;
            try
            {
                set = NodeSet.Parse(parse.GetValue(nodes)!, Runtime.NodesAt(OdmCommands.DatabasePath(parse)));
            }
            catch (FormatException e)
            {
                return Usage($"ssh trust: {e.Message}");
            }
            var trustTool = new SshTrust(SystemProcessRunner.Instance, parse.GetValue(SshConfig));
            var scans = await Task.WhenAll(set.Select(n => trustTool.ScanAsync(n, ct)));
            var exit = ExitCodes.Ok;
            foreach (var scan in scans)
            {
                if (scan.Error is not null)
                {
                    _error.WriteLine($"cladmin: {scan.Node}: {scan.Error}");
                    exit = ExitCodes.Failed;
                    continue;
                }
                foreach (var key in scan.Keys)
                {
                    _output.WriteLine($"{scan.Node} {scan.Address} {key.Fingerprint} {(key.Known ? "(already known)" : key.Changed ? "(CHANGED)" : "(new)")}");
                }
            }
            var replace = parse.GetValue(replaceChanged);
            var changed = scans.Where(s => s.Error is null && s.Changed).ToList();
            if (!replace)
            {
                foreach (var scan in changed)
                {
                    _error.WriteLine($"cladmin: {scan.Node}: its host key CHANGED since it was recorded in {scan.KnownHostsFile} (possible attack, or the host " +
                        $"was reinstalled); nothing recorded for it. Check the fingerprint with the node's administrator, then replace the old key with: cladmin ssh trust {scan.Node} --replace-changed");
                    exit = ExitCodes.Failed;
                }
            }
            // A changed node's old keys all go (ssh-keygen -R removes the host's every line): record all it presented.
            var fresh = scans.Where(s => s.Error is null && !s.Changed).SelectMany(s => s.Keys.Where(k => !k.Known).Select(k => (s, k)))
                .Concat(replace ? changed.SelectMany(s => s.Keys.Select(k => (s, k))) : []).ToList();
            if (fresh.Count == 0)
            {
                _output.WriteLine(changed.Count > 0 && !replace ? "Nothing recorded." : "No new host key to record.");
                return exit;
            }
            if (!parse.GetValue(yes))
            {
                if (Console.IsInputRedirected)
                {
                    _error.WriteLine("cladmin: ssh trust: nothing recorded; check the fingerprints above, then add --yes to record them");
                    return ExitCodes.Usage;
                }
                _output.Write(replace && changed.Count > 0
                    ? $"Remove the old host keys of {NodeSet.Fold(changed.Select(c => c.Node))} and record {fresh.Count} host key(s) in known_hosts? [y/N] "
                    : $"Record {fresh.Count} host key(s) in known_hosts? [y/N] ");
                var answer = Console.ReadLine()?.Trim();
                if (answer is not ("y" or "Y" or "yes"))
                {
                    _output.WriteLine("Nothing recorded.");
                    return ExitCodes.Failed;
                }
            }
            foreach (var scan in replace ? changed : [])
            {
                // Each node's old keys go and its new ones come in one step, so a failure leaves no node without a key.
                if (await trustTool.RemoveAsync(scan, ct) is { } failed)
                {
                    _error.WriteLine($"cladmin: {scan.Node}: {failed}; nothing recorded for it");
                    exit = ExitCodes.Failed;
                    continue;
                }
                SshTrust.Record(scan.KnownHostsFile, scan.Keys.Select(k => k.Line));
                _output.WriteLine($"Replaced the CHANGED host key(s) of {scan.Node} ({scan.Lookup}) in {scan.KnownHostsFile}; the previous file is {scan.KnownHostsFile}.old");
            }
            foreach (var group in fresh.Where(f => !f.s.Changed).GroupBy(f => f.s.KnownHostsFile))
            {
                SshTrust.Record(group.Key, group.Select(f => f.k.Line));
                _output.WriteLine($"Recorded {group.Count()} host key(s) in {group.Key}");
            }
            return exit;
        });
        var ssh = new Command("ssh", "SSH transport helpers") { trust };
        return ssh;
    }

    /// <summary>The longest time limit, in seconds, that .NET's timers hold (2^32 - 2 ms: 49 days).</summary>
    public const double MaxSeconds = 4_294_967;

    /// <summary>Why a number of seconds cannot be used (not a finite number above 0 and at most
    /// <see cref="MaxSeconds"/>), naming the option and the value as typed; null when it can.</summary>
    private static string? BadSeconds<T>(ParseResult parse, Option<T> option)
    {
        if (parse.GetValue(option) is not double seconds || (double.IsFinite(seconds) && seconds > 0 && seconds <= MaxSeconds))
        {
            return null;
        }
        var typed = parse.GetResult(option)?.Tokens.FirstOrDefault()?.Value ?? seconds.ToString(CultureInfo.InvariantCulture);
        return $"{option.Name} '{typed}' is not a number of seconds above 0 and at most {MaxSeconds} (49 days)";
    }

    /// <summary>
    /// The line <c>cladmin -x cmd</c> logs to cladmin.script: a command the dispatcher runs
    /// (clmgr, C-SPOC, utilities) as given; any other command with its target nodes kept, as
    /// C-SPOC's per-node runner writes it (<c>cl_nodecmd -cspoc "-n node2" mkuser u</c>), so that
    /// <c>cladmin script run</c> runs it on the same nodes. Node groups stay as written and are
    /// resolved at replay, as C-SPOC resolves <c>-g</c>; -x NODESET becomes <c>!</c> (except).
    /// </summary>
    /// <exception cref="FormatException">A node set that does not parse, naming it.</exception>
    internal static string NoExecuteLine(IReadOnlyList<string> argv, string? nodes, string? exclude)
    {
        var line = ShellWords.Join(argv);
        var name = NameOf(argv);
        if (CommandCatalog.Default.Find(name) is { Kind: not CommandKind.Aix })
        {
            if (nodes is null && exclude is null)
            {
                return line;
            }
            if (NotTargetable(name) is { } why)
            {
                throw new FormatException(why);
            }
            if (argv.Contains("-cspoc"))
            {
                throw new FormatException($"{name} has its own -cspoc nodes: give them there, not with -n/-x, so the logged line names them");
            }
            if (nodes is null)
            {
                throw new FormatException($"--exclude {exclude} without --nodes cannot be logged for a replay; name the nodes with -n");
            }
            // The nodes become the command's own -cspoc "-n ...", which a replay honours.
            var only = Targets(nodes, exclude);
            var at = Array.IndexOf(argv.ToArray(), argv.First(w => !CommandCatalog.IsAssignment(w))) + 1;
            return ShellWords.Join([.. argv.Take(at), "-cspoc", "-n " + only, .. argv.Skip(at)]);
        }
        if (nodes is null)
        {
            // The local node is the target; taking nodes out of it cannot be written for a replay.
            return exclude is null
                ? line
                : throw new FormatException($"--exclude {exclude} without --nodes cannot be logged for a replay; name the nodes with -n");
        }
        var targets = Targets(nodes, exclude);
        var option = "-n " + targets;
        return $"cl_nodecmd -cspoc {(ShellWords.IsSafe(targets) ? "\"" + option + "\"" : ShellWords.Quote(option))} {line}";
    }

    /// <summary>-n and -x as one node set for -cspoc "-n ...", groups kept for the replay to resolve.</summary>
    private static string Targets(string nodes, string? exclude)
    {
        // One word for -cspoc "-n ...": a blank between nodes is a comma.
        var targets = string.Join(',', nodes.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (exclude is not null)
        {
            // ClusterShell applies operators left to right: A!b1!b2 is A without b1 and b2.
            var excluded = exclude.IndexOfAny(['!', '&', '^']) >= 0 ? NodeSet.Parse(exclude).ToList() : UnionElements(exclude);
            targets += string.Concat(excluded.Select(e => "!" + e));
        }
        NodeSet.Parse(targets, AnyGroup.Instance); // the syntax is checked now, the groups at replay
        return targets;
    }

    /// <summary>The command's name: the first word after any VAR=value assignments, without its path.</summary>
    private static string NameOf(IReadOnlyList<string> argv)
    {
        var first = argv.FirstOrDefault(w => !CommandCatalog.IsAssignment(w)) ?? argv[0];
        return first[(first.LastIndexOf('/') + 1)..];
    }

    /// <summary>Why -n/-x cannot choose where a command the dispatcher runs goes (clmgr and the
    /// utilities run on the local node); null for C-SPOC commands, which run on nodes.</summary>
    private static string? NotTargetable(string name) =>
        CommandCatalog.Default.Find(name) is { Kind: CommandKind.Cspoc }
            ? null
            : $"{name} runs on the local node, not on a node set: leave out -n and -x (--node NAME chooses the local node)";

    /// <summary>The elements of a union (<c>a,b c,n[1,3]</c>): split at commas and blanks outside brackets.</summary>
    private static List<string> UnionElements(string text)
    {
        var elements = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        foreach (var c in text)
        {
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            if (depth == 0 && (c == ',' || char.IsWhiteSpace(c)))
            {
                if (current.Length > 0)
                {
                    elements.Add(current.ToString());
                    current.Clear();
                }
                continue;
            }
            current.Append(c);
        }
        if (current.Length > 0)
        {
            elements.Add(current.ToString());
        }
        return elements;
    }

    /// <summary>Accepts any group name: for checking a node set's syntax before its groups can be known.</summary>
    private sealed class AnyGroup : INodeGroupResolver
    {
        public static AnyGroup Instance { get; } = new();

        public IReadOnlyList<string>? Resolve(string group) => [];
    }

    private static string Summary(IReadOnlyList<NodeResult> results) =>
        string.Join(", ", results.GroupBy(r => r.Outcome).Select(g => $"{ResultJson.OutcomeName(g.Key).Replace('_', ' ')}: {NodeSet.Fold(g.Select(r => r.Node))}"));

    private void WritePrefixed(NodeResult r)
    {
        var o = new StringBuilder();
        Gatherer.AppendPrefixed(o, r.Node, r.Stdout);
        _output.Write(o.ToString());
        var e = new StringBuilder();
        Gatherer.AppendPrefixed(e, r.Node, r.Stderr);
        _error.Write(e.ToString());
    }

    private void Report(FanOutResult result, bool folded, bool streamed)
    {
        if (!streamed)
        {
            if (folded)
            {
                _output.Write(Gatherer.Render(Gatherer.Fold(result.Results, r => r.Stdout)));
                _error.Write(Gatherer.Render(Gatherer.Fold(result.Results, r => r.Stderr)));
            }
            else
            {
                _output.Write(result.Results[0].Stdout);
                _error.Write(result.Results[0].Stderr);
            }
        }
        if (result.Interrupted)
        {
            var parts = new List<string>();
            if (result.Stopped.Count > 0)
            {
                parts.Add($"stopped on {NodeSet.Fold(result.Stopped)}");
            }
            if (result.Unconfirmed.Count > 0)
            {
                parts.Add($"NOT confirmed stopped on {NodeSet.Fold(result.Unconfirmed)} (the command may still run there)");
            }
            if (result.NotStarted.Count > 0)
            {
                parts.Add($"not started on {NodeSet.Fold(result.NotStarted)}");
            }
            _error.WriteLine($"cladmin: interrupted: {(parts.Count > 0 ? string.Join("; ", parts) : "nothing was running")}");
        }
        if (folded || !result.AllOk)
        {
            _error.WriteLine("cladmin: " + result.Summary());
        }
        _output.Flush();
        _error.Flush();
    }

    private int Usage(string message)
    {
        _error.WriteLine($"cladmin: {message}");
        return ExitCodes.Usage;
    }
}
