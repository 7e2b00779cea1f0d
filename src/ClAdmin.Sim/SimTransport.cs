using System.Diagnostics;
using ClAdmin.Contracts;
using ClAdmin.Sim.Model;
using ClAdmin.Sim.Persistence;
using ClAdmin.Sim.Shell;

namespace ClAdmin.Sim;

/// <summary>
/// Runs commands on simulated AIX nodes: each command line is interpreted by the node's
/// simulated shell against the world kept in the store. A command and the save of what it
/// changed are one step: when another cladmin process saved the world in between, the world is
/// read again and the command run on the fresh state, so no run overwrites another's work.
/// A crashed node (or one cut off by network faults) is unreachable, as over SSH. Before each
/// command (queries too) the stored version is checked and a world another process saved since
/// is read again, so a long session's lists and discovered defaults never show a state that is gone.
/// </summary>
public sealed class SimTransport : ITransport
{
    private const int Attempts = 8;
    private readonly IWorldStore _store;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SimWorld? _world;
    private long _version;
    /// <summary>The world as last loaded or saved, serialized; taken only before a command that may change it.</summary>
    private string? _json;

    public SimTransport(IWorldStore store) => _store = store ?? throw new ArgumentNullException(nameof(store));

    public string Name => "sim";

    /// <summary>Brings the world up to date before each command or change (the cluster managers'
    /// NOT_CONFIGURED / ST_INIT from the synchronized configuration); nothing when null.</summary>
    public Action<SimWorld>? Prepare { get; init; }

    /// <summary>The world as this transport last saw it (loaded on first use).</summary>
    public SimWorld World
    {
        get
        {
            _gate.Wait();
            try
            {
                DropIfStale();
                return Current();
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    /// <summary>The world, or null when none has been created yet.</summary>
    public SimWorld? TryWorld()
    {
        _gate.Wait();
        try
        {
            DropIfStale();
            if (_world is null && _store.Load() is { } stored)
            {
                (_world, _version, _json) = (stored.World, stored.Version, stored.Json);
            }
            return _world;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reads the stored world again on next use: another cladmin may have changed it (a live
    /// status screen polls the store this way).</summary>
    public void Refresh()
    {
        _gate.Wait();
        try
        {
            _world = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<NodeResult> RunAsync(NodeCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var clock = Stopwatch.StartNew();
        try
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return new NodeResult(command.Node, NodeOutcome.Cancelled, NodeExitCodes.Cancelled, "", "", clock.Elapsed); // never started
        }
        try
        {
            DropIfStale();
            for (var attempt = 1; ; attempt++)
            {
                var world = Current();
                Prepare?.Invoke(world);
                if (world.FindNode(command.Node) is null)
                {
                    return new NodeResult(command.Node, NodeOutcome.Unreachable, NodeExitCodes.Unreachable, "",
                        $"cladmin: {command.Node}: not a node of the simulated world ({string.Join(", ", world.Nodes.Select(n => n.Name))})\n", clock.Elapsed);
                }
                var line = command.Display;
                var query = Queries.IsQuery(line);
                if (!query)
                {
                    _json ??= _store.Serialize(world);
                }
                try
                {
                    var result = SimShell.Execute(world, command.Node, line, command.StandardInputText());
                    if (!result.Reachable)
                    {
                        return new NodeResult(command.Node, NodeOutcome.Unreachable, NodeExitCodes.Unreachable, "",
                            $"cladmin: {command.Node}: unreachable (the simulated node is down or cut off)\n", clock.Elapsed);
                    }
                    if (query || Save(world))
                    {
                        var outcome = result.ExitCode == 0 ? NodeOutcome.Ok : NodeOutcome.Failed;
                        return new NodeResult(command.Node, outcome, result.ExitCode, result.Stdout, result.Stderr, clock.Elapsed);
                    }
                }
                catch (WorldChangedException)
                {
                    // A file it read came from a newer save: run again on that world, never on a mix of the two.
                }
                if (attempt == Attempts)
                {
                    return new NodeResult(command.Node, NodeOutcome.Failed, 1, "",
                        $"cladmin: {command.Node}: the simulated world kept changing underneath (another cladmin is busy); nothing was changed, try again\n", clock.Elapsed);
                }
                _world = null; // someone else saved first: read the world again and run on it
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Changes the world outside any node's shell (a fault injected, the clock moved) and saves it,
    /// with the same care as a command: when another cladmin saved in between, the change is made
    /// again on the fresh world. <paramref name="change"/> returns false to save nothing.
    /// </summary>
    /// <returns>True when saved; false when <paramref name="change"/> declined; null when the world kept changing underneath.</returns>
    public async Task<bool?> ChangeWorldAsync(Func<SimWorld, bool> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            DropIfStale();
            for (var attempt = 1; attempt <= Attempts; attempt++)
            {
                var world = Current();
                _json ??= _store.Serialize(world);
                try
                {
                    if (!change(world))
                    {
                        _world = null; // whatever it touched is dropped: read the stored world again
                        return false;
                    }
                    if (Save(world))
                    {
                        return true;
                    }
                }
                catch (WorldChangedException)
                {
                    // A file it read came from a newer save: change that world instead.
                }
                _world = null;
            }
            return null;
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Drops the world kept from the last load or save when another process has saved since
    /// (issue 17 §2: lists read afresh); the next <see cref="Current"/> reads the stored one.</summary>
    private void DropIfStale()
    {
        if (_world is not null && _store.StoredVersion() is { } stored && stored != _version)
        {
            _world = null;
        }
    }

    private SimWorld Current()
    {
        if (_world is null)
        {
            var stored = _store.Load() ?? throw new InvalidOperationException("no simulated world exists yet: create one with 'cladmin sim init'");
            (_world, _version, _json) = (stored.World, stored.Version, stored.Json);
        }
        return _world;
    }

    /// <summary>Saves the world when the command changed it; false when another process saved first.</summary>
    private bool Save(SimWorld world)
    {
        var json = _store.Serialize(world);
        if (json == _json)
        {
            return true;
        }
        var saved = _store.Save(world, json, _version);
        if (saved.Saved)
        {
            (_version, _json) = (saved.Version, json);
        }
        return saved.Saved;
    }
}
