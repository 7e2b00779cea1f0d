using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace ClAdmin.Tui.Terminal;

/// <summary>
/// Terminal.Gui's ANSI driver input, woken by the terminal instead of polling it. Terminal.Gui
/// 2.5.0 reads keys on an input thread that looks at the terminal and then sleeps 20 ms
/// (<c>InputImpl.Run</c>), and its loop handles them at its next iteration, 25 a second
/// (<c>Application.MaximumIterationsPerSecond</c>): a key waited up to 60 ms for its frame. This
/// input blocks in poll(2) on the terminal (and on a pipe written when the driver stops), so a key
/// is read as it arrives, and then wakes the loop (<see cref="TuiRunner"/> waits for it in
/// <c>IApplication.Iteration</c>). Idle, the input thread does not run at all.
/// </summary>
internal sealed class WakingInput : AnsiInput, IInput<char>
{
    private const short PollIn = 1;
    private const int Eintr = 4;
    private const int OCloexec = 0x80000;
    private readonly Action _wake;
    private int[]? _pipe;
    private bool _read;

    private WakingInput(Action wake)
    {
        _wake = wake;
        try
        {
            var fds = new int[2];
            _pipe = Pipe2(fds, OCloexec) == 0 ? fds : null; // not inherited by the commands the screens run
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _pipe = null; // no libc to call: Terminal.Gui's own polling
        }
    }

    /// <summary>
    /// Makes <paramref name="app"/> (created, not yet initialised) use this input, which calls
    /// <paramref name="wake"/> after each read. Terminal.Gui takes a driver's components only
    /// through an internal constructor of its application object, so its field is set here. False
    /// (nothing changed: Terminal.Gui polls) off Linux, when standard input is not a terminal, another driver
    /// than the ANSI one is configured, or the field is not there.
    /// </summary>
    public static bool Use(IApplication app, Action wake)
    {
        if (!OperatingSystem.IsLinux() || Console.IsInputRedirected
            || (!string.IsNullOrEmpty(app.ForceDriver) && app.ForceDriver != DriverRegistry.Names.ANSI))
        {
            return false;
        }
        try
        {
            ref var factory = ref ComponentFactory(app);
            if (factory is not null)
            {
                return false;
            }
            factory = new Factory(wake);
            return true;
        }
        catch (Exception e) when (e is MissingFieldException or MissingMemberException or InvalidCastException)
        {
            return false;
        }
    }

    /// <summary>Blocks until the terminal has input or the driver stops; wakes the loop for what was read before.</summary>
    public override bool Peek()
    {
        if (_read)
        {
            _read = false;
            _wake(); // Run has queued what Read returned
        }
        if (base.Peek())
        {
            return true;
        }
        if (_pipe is { } pipe)
        {
            WaitForInput(pipe);
        }
        return base.Peek();
    }

    /// <inheritdoc/>
    public override IEnumerable<char> Read()
    {
        _read = true;
        return base.Read();
    }

    /// <summary>Terminal.Gui's read loop (<c>InputImpl.Run</c>), with the poll woken when it is cancelled.</summary>
    void IInput<char>.Run(CancellationToken runCancellationToken)
    {
        using var stop = runCancellationToken.Register(WakeFromStop);
        Run(runCancellationToken);
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        base.Dispose();
        if (Interlocked.Exchange(ref _pipe, null) is { } pipe)
        {
            _ = Close(pipe[0]);
            _ = Close(pipe[1]);
        }
    }

    private void WaitForInput(int[] pipe)
    {
        var fds = new[] { new PollFd { Fd = 0, Events = PollIn }, new PollFd { Fd = pipe[0], Events = PollIn } };
        while (Poll(fds, (nuint)fds.Length, -1) < 0)
        {
            if (Marshal.GetLastPInvokeError() != Eintr) // EINTR: a signal (SIGWINCH on a resize)
            {
                _pipe = null; // poll fails: Terminal.Gui's own polling from now on
                return;
            }
        }
    }

    private void WakeFromStop()
    {
        if (_pipe is { } pipe)
        {
            _ = Write(pipe[1], [1], 1);
        }
    }

    /// <summary>The ANSI driver's components with this input, and the output that writes a frame at
    /// once (<see cref="WholeFrameOutput"/>).</summary>
    private sealed class Factory(Action wake) : AnsiComponentFactory
    {
        public override IInput<char> CreateInput() => new WakingInput(wake);

        public override IOutput CreateOutput()
        {
            WholeFrameOutput.Use(this);
            return base.CreateOutput();
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_componentFactory")]
    private static extern ref IComponentFactory? ComponentFactory([UnsafeAccessorType("Terminal.Gui.App.ApplicationImpl, Terminal.Gui")] object app);

    [DllImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static extern int Poll([In, Out] PollFd[] fds, nuint count, int timeout);

    [DllImport("libc", EntryPoint = "pipe2", SetLastError = true)]
    private static extern int Pipe2([Out] int[] fds, int flags);

    [DllImport("libc", EntryPoint = "write", SetLastError = true)]
    private static extern nint Write(int fd, byte[] buffer, nint count);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
