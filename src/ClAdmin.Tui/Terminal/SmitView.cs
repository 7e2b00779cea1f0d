using System.Text;
using ClAdmin.Tui.Input;
using ClAdmin.Tui.Rendering;
using ClAdmin.Tui.Session;
using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Color = Terminal.Gui.Drawing.Color;
using TgAttribute = Terminal.Gui.Drawing.Attribute;
using SmitFrame = ClAdmin.Tui.Rendering.Frame;

namespace ClAdmin.Tui.Terminal;

/// <summary>
/// The one Terminal.Gui view of the smitty screens: it fills the terminal, draws the session's
/// SMIT layout cell by cell (the terminal's own colours, reverse video for the current item, no
/// border), and hands keys (through <see cref="TerminalKeys"/> and the one key table) and mouse
/// clicks to the session. Every key is taken here, so none of Terminal.Gui's own bindings (Esc
/// to quit, Tab to move focus, F5, F6) acts on the screens.
/// </summary>
internal sealed class SmitView : Runnable
{
    private static readonly TgAttribute Normal = new(Color.None, Color.None, TextStyle.None);
    private static readonly TgAttribute Reverse = new(Color.None, Color.None, TextStyle.Reverse);
    private readonly TuiSession _session;
    private readonly TerminalKeys _keys = new();

    public SmitView(TuiSession session)
    {
        _session = session;
        CanFocus = true;
        Width = Dim.Fill();
        Height = Dim.Fill();
    }

    /// <summary>Runs what other threads posted (dispatcher results, output lines) and redraws.</summary>
    public void Pump()
    {
        if (_session.RunQueued())
        {
            AfterEvent();
        }
    }

    /// <summary>The one-second timer: a live status screen runs its command again.</summary>
    public void Tick()
    {
        _session.Tick();
        Pump();
    }

    private void AfterEvent()
    {
        if (_session.Exited)
        {
            App?.RequestStop();
            return;
        }
        if (_session.FullRedrawRequested)
        {
            _session.FullRedrawRequested = false;
            if (App is { } app)
            {
                app.ClearScreenNextIteration = true;
            }
        }
        SetNeedsDraw();
    }

    protected override bool OnKeyDown(Key key)
    {
        if (_keys.Map(key) is { } press)
        {
            _session.Key(press);
            _session.RunQueued();
            AfterEvent();
        }
        return true;
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        ArgumentNullException.ThrowIfNull(mouse);
        if (mouse.Position is not { } at)
        {
            return false;
        }
        if (mouse.Flags.HasFlag(MouseFlags.WheeledUp) || mouse.Flags.HasFlag(MouseFlags.WheeledDown))
        {
            _session.Key(KeyPress.Of(mouse.Flags.HasFlag(MouseFlags.WheeledUp) ? KeyName.Up : KeyName.Down));
        }
        else if (mouse.Flags.HasFlag(MouseFlags.LeftButtonClicked) || mouse.Flags.HasFlag(MouseFlags.LeftButtonDoubleClicked))
        {
            _session.Click(at.Y, at.X);
        }
        else
        {
            return true;
        }
        _session.RunQueued();
        AfterEvent();
        return true;
    }

    protected override bool OnClearingViewport() => true; // every cell is drawn below

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var width = Math.Max(1, Viewport.Width);
        var height = Math.Max(1, Viewport.Height);
        var buffer = new ScreenBuffer(width, height);
        if (width < SmitFrame.MinWidth || height < SmitFrame.MinHeight)
        {
            buffer.Write(0, 0, $"cladmin needs at least {SmitFrame.MinWidth}x{SmitFrame.MinHeight}");
            buffer.Write(1, 0, $"(now {width}x{height})");
        }
        else
        {
            _session.Paint(buffer);
        }
        var run = new StringBuilder(width);
        for (var r = 0; r < height; r++)
        {
            Move(0, r);
            var reverse = buffer.IsReverse(r, 0);
            run.Clear();
            for (var c = 0; c < width; c++)
            {
                var ch = buffer.CharAt(r, c);
                var tail = ch == ScreenBuffer.WideTail;
                if (tail && c > 0 && buffer.CharAt(r, c - 1) != ScreenBuffer.WideTail)
                {
                    continue; // drawn by the double-width character before it
                }
                if (buffer.IsReverse(r, c) != reverse)
                {
                    Flush(run, reverse);
                    reverse = !reverse;
                }
                run.Append(tail ? ' ' : ch);
            }
            Flush(run, reverse);
        }
        Cursor = buffer.Cursor is { } at
            ? new Cursor { Position = ViewportToScreen(new System.Drawing.Point(at.Column, at.Row)), Style = CursorStyle.Default }
            : new Cursor { Position = null };
        return true;
    }

    private void Flush(StringBuilder run, bool reverse)
    {
        if (run.Length > 0)
        {
            SetAttribute(reverse ? Reverse : Normal);
            AddStr(run.ToString());
            run.Clear();
        }
    }
}
