using ClAdmin.Contracts;

namespace ClAdmin;

/// <summary>
/// The screens' dispatcher, built on first use: the first frame of the TUI does not wait for
/// the repository and the transport (most screens run no command until Enter or F4).
/// </summary>
public sealed class LazyDispatcher(Func<Task<Runtime>> create) : IDispatcher, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Runtime? _runtime;

    public async Task<CommandResult> RunAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var runtime = await RuntimeAsync(cancellationToken).ConfigureAwait(false);
        return await runtime.Dispatcher.RunAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The runtime, created now if it was not yet.</summary>
    public async Task<Runtime> RuntimeAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _runtime ??= await create().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_runtime is not null)
        {
            await _runtime.DisposeAsync().ConfigureAwait(false);
        }
        _gate.Dispose();
    }
}
