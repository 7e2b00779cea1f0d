using System.Diagnostics;
using System.Runtime.InteropServices;
using ClAdmin.Tui.Input;
using ClAdmin.Tui.Rendering;
using ClAdmin.Tui.Session;

namespace ClAdmin.Tui.Terminal;

/// <summary>
/// The real terminal around a <see cref="TuiSession"/>: a thread reads keys, SIGWINCH redraws at
/// the new size, F9 suspends the screens for $SHELL, and every event is followed by a frame.
/// </summary>
public static class TuiRunner
{
    /// <summary>Runs the session until F10 or F3 on the first screen; returns the exit code.</summary>
    public static int Run(TuiSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var terminal = new AnsiTerminal(Console.OpenStandardOutput());
        var paused = 0;
        var resized = 0;
        Console.TreatControlCAsInput = true;
        terminal.Enter();
        session.ShellHandler = () =>
        {
            Interlocked.Exchange(ref paused, 1);
            terminal.Leave();
            RunShell();
            terminal.Enter();
            Interlocked.Exchange(ref paused, 0);
        };
        using var winch = OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGWINCH, ctx =>
        {
            ctx.Cancel = false;
            Interlocked.Exchange(ref resized, 1);
            session.Post(() => { });
        });
        var reader = new Thread(() => ReadKeys(session, () => Volatile.Read(ref paused) == 1)) { IsBackground = true, Name = "cladmin keys" };
        reader.Start();
        var exitAfterFirstFrame = Environment.GetEnvironmentVariable("CLADMIN_EXIT_AFTER_FIRST_FRAME") == "1";
        try
        {
            ScreenBuffer? buffer = null;
            while (true)
            {
                var (width, height) = Size();
                if (buffer is null || buffer.Width != width || buffer.Height != height)
                {
                    buffer = new ScreenBuffer(width, height);
                    terminal.Invalidate();
                }
                if (Interlocked.Exchange(ref resized, 0) == 1 || session.FullRedrawRequested)
                {
                    session.FullRedrawRequested = false;
                    terminal.Invalidate();
                }
                if (width < Frame.MinWidth || height < Frame.MinHeight)
                {
                    buffer.Clear();
                    buffer.Write(0, 0, $"cladmin needs at least {Frame.MinWidth}x{Frame.MinHeight}");
                    buffer.Write(1, 0, $"(now {width}x{height})");
                }
                else
                {
                    session.Paint(buffer);
                }
                terminal.Draw(buffer);
                if (exitAfterFirstFrame || session.Exited)
                {
                    break;
                }
                session.WaitAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
                session.RunQueued();
                if (session.Exited)
                {
                    break;
                }
            }
        }
        finally
        {
            terminal.Leave();
        }
        return 0;
    }

    private static (int Width, int Height) Size()
    {
        try
        {
            return (Math.Max(1, Console.WindowWidth), Math.Max(1, Console.WindowHeight));
        }
        catch (IOException)
        {
            return (Frame.MinWidth, Frame.MinHeight);
        }
    }

    private static void ReadKeys(TuiSession session, Func<bool> paused)
    {
        var decoder = new KeyDecoder();
        while (true)
        {
            if (paused() || !Console.KeyAvailable)
            {
                Thread.Sleep(paused() ? 50 : 2);
                continue;
            }
            var info = Console.ReadKey(intercept: true);
            if (decoder.Decode(info) is { } key)
            {
                session.Post(() => session.Key(key));
            }
        }
    }

    private static void RunShell()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CLADMIN_SHELL"), "n", StringComparison.Ordinal))
        {
            return; // as SMIT_SHELL=n disables F9
        }
        var shell = Environment.GetEnvironmentVariable("SHELL");
        try
        {
            using var process = Process.Start(new ProcessStartInfo(string.IsNullOrEmpty(shell) ? "/bin/sh" : shell) { UseShellExecute = false });
            process?.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // no shell to start: return to the screens
        }
    }
}
