using System.Text;
using ClAdmin.Contracts;
using ClAdmin.Exec.FanOut;
using ClAdmin.Exec.Nodes;
using ClAdmin.Shell;

namespace ClAdmin.Exec.Dispatch;

/// <summary>What the dispatcher needs besides its handlers and fan-out engine.</summary>
public sealed record DispatcherOptions
{
    private readonly Func<string> _localNode = () => "";

    /// <summary>The node commands run on when no target is given.</summary>
    public string LocalNode
    {
        get => _localNode();
        init => _localNode = () => value;
    }

    /// <summary>Finds the local node each time it is needed (instead of <see cref="LocalNode"/>): a
    /// command given its targets never asks; the source caches what is costly to find, and may
    /// change its answer (cl_smit: "Open a SMIT Session on a Node").</summary>
    public Func<string> LocalNodeSource
    {
        init => _localNode = value;
    }

    /// <summary>Resolves <c>-cspoc "-g RG"</c>; without it, -g is an error.</summary>
    public IResourceGroupResolver? ResourceGroups { get; init; }

    public CommandCatalog Catalog { get; init; } = CommandCatalog.Default;

    /// <summary>Width, order and failure policy for commands run as-is on nodes.</summary>
    public FanOutOptions FanOut { get; init; } = new();
}

/// <summary>
/// The one entry point for command lines. A line whose command name has a registered
/// <see cref="ICommandHandler"/> goes to it, with its <c>-cspoc</c> option parsed; any other line
/// runs as-is on the target nodes (the request's nodes, else the local node) through the
/// fan-out engine. Lines are split into words here; an unquoted shell operator (; | &amp; &lt; &gt;)
/// is refused rather than passed to a shell, so a value can never become a second command.
/// </summary>
public sealed class Dispatcher : IDispatcher
{
    private readonly Dictionary<string, ICommandHandler> _handlers = new(StringComparer.Ordinal);
    private readonly FanOutEngine _fanOut;
    private readonly DispatcherOptions _options;

    /// <exception cref="ArgumentException">A handler names a command missing from commands.json, or two handlers claim one name.</exception>
    public Dispatcher(IEnumerable<ICommandHandler> handlers, FanOutEngine fanOut, DispatcherOptions options)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        _fanOut = fanOut ?? throw new ArgumentNullException(nameof(fanOut));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        foreach (var handler in handlers)
        {
            foreach (var name in handler.Names)
            {
                if (_options.Catalog.Find(name) is null)
                {
                    throw new ArgumentException($"handler {handler.GetType().Name} serves '{name}', which is not in commands.json", nameof(handlers));
                }
                if (!_handlers.TryAdd(name, handler))
                {
                    throw new ArgumentException($"two handlers serve '{name}'", nameof(handlers));
                }
            }
        }
    }

    /// <summary>True when a handler implements the command.</summary>
    public bool Handles(string name) => _handlers.ContainsKey(name[(name.LastIndexOf('/') + 1)..]);

    public async Task<CommandResult> RunAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The diagnostic log's dispatch event: the command line (secrets travel on standard input, never logged).
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var result = await DispatchAsync(request, cancellationToken).ConfigureAwait(false);
            Serilog.Log.Information("dispatch {Command}: exit {ExitCode} on {NodeCount} node(s) in {DurationMs:0.0} ms",
                request.CommandLine, result.ExitCode, result.Nodes.Count, clock.Elapsed.TotalMilliseconds);
            return result;
        }
        catch (Exception e)
        {
            Serilog.Log.Warning("dispatch {Command}: {Error} after {DurationMs:0.0} ms", request.CommandLine, e.GetType().Name, clock.Elapsed.TotalMilliseconds);
            throw;
        }
    }

    private async Task<CommandResult> DispatchAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        IReadOnlyList<ShellToken> tokens;
        try
        {
            tokens = ShellWords.Tokenize(request.CommandLine);
        }
        catch (FormatException e)
        {
            return Usage($"cannot read the command line: {e.Message}");
        }
        if (tokens.FirstOrDefault(t => t.IsOperator) is { Text: { } op })
        {
            return Usage($"the shell operator '{op}' is not run by the dispatcher; quote it if it is part of a value, or run the line with sh -c '...'");
        }
        var words = tokens.Select(t => t.Text).ToList();
        var nameAt = words.FindIndex(w => !CommandCatalog.IsAssignment(w));
        if (nameAt < 0)
        {
            return Usage("the command line has no command");
        }
        var name = words[nameAt][(words[nameAt].LastIndexOf('/') + 1)..];

        if (_handlers.TryGetValue(name, out var handler))
        {
            var arguments = words.Skip(nameAt + 1).ToList();
            CspocOptions? cspoc = null;
            var at = arguments.IndexOf("-cspoc");
            if (at >= 0)
            {
                if (at + 1 >= arguments.Count)
                {
                    return Usage($"{name}: -cspoc needs a value, as in -cspoc \"-n node1,node2\"");
                }
                try
                {
                    cspoc = CspocOptions.Parse(arguments[at + 1], _options.ResourceGroups);
                }
                catch (FormatException e)
                {
                    return Usage($"{name}: {e.Message}");
                }
                arguments.RemoveRange(at, 2);
            }
            var invocation = new CommandInvocation(request.CommandLine, name, arguments, request.StandardInput, _options.LocalNode, cspoc)
            {
                Nodes = request.Nodes is { Count: > 0 } only ? only : null,
                OnNodeResult = request.OnNodeResult,
                Prompt = request.Prompt,
                Environment = words.Take(nameAt).Select(w => w.Split('=', 2)).GroupBy(kv => kv[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.Ordinal),
            };
            return await handler.RunAsync(invocation, cancellationToken).ConfigureAwait(false);
        }

        var argv = nameAt == 0 ? words : ["env", .. words];
        var targets = request.Nodes is { Count: > 0 } nodes ? nodes : [_options.LocalNode];
        var fanOut = request.Timeout is { } timeout ? _options.FanOut with { CommandTimeout = timeout } : _options.FanOut;
        var result = await _fanOut.RunAsync(targets, NodeOperation.Same(argv, request.StandardInput), fanOut, request.OnNodeResult, cancellationToken)
            .ConfigureAwait(false);
        return ToCommandResult(result);
    }

    /// <summary>One node: its output as is. Several: C-SPOC's "node: line" form.</summary>
    public static CommandResult ToCommandResult(FanOutResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Results.Count == 1)
        {
            var only = result.Results[0];
            return new CommandResult(result.ExitCode, only.Stdout, only.Stderr, result.Results);
        }
        var stderr = new StringBuilder(Gatherer.Prefix(result.Results, r => r.Stderr));
        return new CommandResult(result.ExitCode, Gatherer.Prefix(result.Results, r => r.Stdout), stderr.ToString(), result.Results);
    }

    private static CommandResult Usage(string message) => CommandResult.Local(2, "", $"cladmin: {message}\n");
}
