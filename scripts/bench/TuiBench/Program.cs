using System.Diagnostics;
using ClAdmin.Contracts;
using ClAdmin.Menus;
using ClAdmin.Menus.Model;
using ClAdmin.Tui.Input;
using ClAdmin.Tui.Rendering;
using ClAdmin.Tui.Screens;

// Key-to-frame: one key handled and the frame painted into the screen buffer, as SmitView does
// before Terminal.Gui's driver writes the changed cells (that write is not measured here: the
// first-frame figure below includes it). Median of many keys.
var host = new NullHost();
var buffer = new ScreenBuffer(80, 24);

double Median(Screen screen, KeyPress key, KeyPress wrap, int count, int wrapEvery)
{
    var times = new double[count];
    for (var i = 0; i < count; i++)
    {
        var k = i % wrapEvery == wrapEvery - 1 ? wrap : key;
        var start = Stopwatch.GetTimestamp();
        screen.Handle(k, KeyTable.Resolve(screen.Kind, k), host);
        buffer.Clear();
        screen.Paint(buffer);
        times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
    Array.Sort(times);
    return times[count / 2];
}

var menu = new MenuScreen(new Menu("bench", "A Menu of 64 Items",
    Enumerable.Range(1, 64).Select(i => new MenuItem(i.ToString("000", System.Globalization.CultureInfo.InvariantCulture), $"Menu item number {i}", "x", NextType.Menu, "")).ToList(), "", ""));
menu.Paint(buffer);
Median(menu, KeyPress.Of(KeyName.Down), KeyPress.Of(KeyName.Home), 2000, 64); // warm up
var menuMs = Median(menu, KeyPress.Of(KeyName.Down), KeyPress.Of(KeyName.Home), 5000, 64);

var status = new StatusScreen("bench");
status.Complete(CommandResult.Local(0, string.Join("\n", Enumerable.Range(1, 100_000).Select(i => $"output line {i} of the command, long enough to be a realistic line")) + "\n"));
status.Handle(KeyPress.Of(KeyName.Home), null, host);
Median(status, KeyPress.Of(KeyName.PageDown), KeyPress.Of(KeyName.Home), 2000, 9000);
var statusMs = Median(status, KeyPress.Of(KeyName.PageDown), KeyPress.Of(KeyName.Home), 5000, 9000);

Console.WriteLine($"menu64_key_to_frame_ms {menuMs:0.000}");
Console.WriteLine($"status100k_page_to_frame_ms {statusMs:0.000}");

internal sealed class NullHost : IScreenHost
{
    public void Open(ScreenRef screen, IReadOnlyDictionary<string, string> nameValues) { }
    public void Push(Screen screen) { }
    public void Close(Screen screen) { }
    public void ClosePicked(Screen popup, Action pick) { }
    public void ShowList(Field field, IReadOnlyDictionary<string, string> nameValues, Action<string> pick) { }
    public void SelectorDone(Selector selector, string value, IReadOnlyDictionary<string, string> nameValues) { }
    public void RunDialog(DialogValues values) { }
    public void ShowCommand(DialogValues values) { }
    public void ShowMessage(string title, string text) { }
}
