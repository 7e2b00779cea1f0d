using System.Threading.Channels;

namespace ClAdmin.Tui.Session;

/// <summary>
/// The session's event loop: work posted from other threads (keys from the input thread, results
/// from the dispatcher) runs on the loop, one action at a time, and background work is tracked
/// so that tests and linear callers can wait for everything started so far.
/// </summary>
internal sealed class EventQueue
{
    private readonly Channel<Action> _events = Channel.CreateUnbounded<Action>();
    private readonly List<Task> _pending = [];

    /// <summary>Queues work for the loop.</summary>
    public void Post(Action action) => _events.Writer.TryWrite(action);

    /// <summary>Waits until an event is queued.</summary>
    public ValueTask<bool> WaitAsync(CancellationToken cancellationToken) => _events.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>Runs every queued event; true if any ran.</summary>
    public bool RunQueued()
    {
        var any = false;
        while (_events.Reader.TryRead(out var action))
        {
            action();
            any = true;
        }
        return any;
    }

    /// <summary>Runs <paramref name="work"/> off the loop; it posts its results back.</summary>
    public void Background(Func<Task> work)
    {
        var task = Task.Run(work);
        lock (_pending)
        {
            _pending.Add(task);
        }
    }

    /// <summary>Waits for all background work started so far and runs what it posted.</summary>
    public async Task SettleAsync()
    {
        while (true)
        {
            Task[] pending;
            lock (_pending)
            {
                _pending.RemoveAll(t => t.IsCompleted);
                pending = [.. _pending];
            }
            if (pending.Length == 0 && !RunQueued())
            {
                return;
            }
            await Task.WhenAll(pending).ConfigureAwait(false);
            RunQueued();
        }
    }
}
