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

    private int _busy;

    /// <summary>True while background work started here has not finished.</summary>
    public bool Busy => Volatile.Read(ref _busy) > 0;

    /// <summary>Runs <paramref name="work"/> off the loop; it posts its results back. When it ends,
    /// an empty event wakes the loop, which then sees that nothing is <see cref="Busy"/>.</summary>
    public void Background(Func<Task> work)
    {
        Interlocked.Increment(ref _busy);
        var task = Task.Run(async () =>
        {
            try
            {
                await work().ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _busy);
                Post(static () => { });
            }
        });
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
