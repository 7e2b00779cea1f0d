using System.Globalization;
using System.Text;
using ClAdmin.Sim.Model;
using ClAdmin.Sim.Shell;
using ClAdmin.Sim.Software;
using ClAdmin.Shell;

namespace ClAdmin.Sim.Commands;

/// <summary>
/// The software commands of a node over its inventory (<see cref="SimNode.Software"/>): oslevel,
/// lslpp -l|-L|-h, lppchk -v|-c, installp (apply, commit, reject, deinstall, cleanup, status),
/// SMIT's sm_inst, shutdown -Fr. Layouts: aix-commands.md §5.1, §5.2 and
/// powerha-verify-install-outputs.md §5.2 to §5.7 (VERBATIM where that page says so).
/// </summary>
internal static class SoftwareCommands
{
    private const string Ruler = "+-----------------------------------------------------------------------------+";
    private const string ObjreposUsr = "/usr/lib/objrepos";
    private const string ObjreposRoot = "/etc/objrepos";

    public static void Register(Dictionary<string, Func<CommandContext, int>> t)
    {
        t["oslevel"] = Oslevel;
        t["lslpp"] = Lslpp;
        t["lppchk"] = Lppchk;
        t["installp"] = ctx => Installp(ctx, ctx.Args);
        t["sm_inst"] = SmInst;
        t["shutdown"] = Shutdown;
    }

    private static int Oslevel(CommandContext ctx)
    {
        var s = ctx.Node.Software.OsLevel;
        ctx.Line(ctx.Args.Contains("-s") ? s : ctx.Args.Contains("-r") ? s[..7] : $"{s[0]}.{s[1]}.0.0");
        return 0;
    }

    // ---- lslpp ----

    private static int Lslpp(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "lLhcqa");
        var patterns = g.Operands.Count == 0 || g.Operands.Contains("all") ? ["*"] : g.Operands;
        var matches = ctx.Node.Software.Filesets.Where(f => patterns.Any(p => Filters.Glob(p, f.Name))).ToList();
        if (matches.Count == 0)
        {
            foreach (var p in patterns)
            {
                ctx.Fail($"lslpp: 0504-132  Fileset {p} not installed.");
            }
            return 1;
        }
        if (g.Has('L'))
        {
            return ListL(ctx, matches, g.Has('q'));
        }
        var history = g.Has('h');
        if (!g.Has('q'))
        {
            ctx.Line(history
                ? "  Fileset         Level     Action       Status       Date         Time        "
                : "  Fileset                      Level  State      Description");
            ctx.Line("  ----------------------------------------------------------------------------");
        }
        foreach (var path in new[] { ObjreposUsr, ObjreposRoot })
        {
            var here = matches.Where(f => path == ObjreposUsr || f.Root).ToList();
            if (here.Count == 0)
            {
                continue;
            }
            if (path == ObjreposRoot && !history)
            {
                ctx.Line("");
            }
            ctx.Line($"Path: {path}");
            foreach (var f in here)
            {
                if (history)
                {
                    ctx.Line($"  {f.Name}");
                    foreach (var e in f.History)
                    {
                        ctx.Line(string.Format(CultureInfo.InvariantCulture, "{0,25}   {1,-13}{2,-13}{3,-13}{4,-12}", e.Level, e.Action, e.Status,
                            e.When.ToString("MM/dd/yy", CultureInfo.InvariantCulture), e.When.ToString("HH:mm:ss", CultureInfo.InvariantCulture)));
                    }
                    ctx.Line("");
                    continue;
                }
                var lines = Wrap(f.Description, 30);
                var head = f.Name.Length > 24 ? $"  {f.Name}\n{"",26}" : string.Format(CultureInfo.InvariantCulture, "  {0,-24}", f.Name);
                ctx.Line(head + string.Format(CultureInfo.InvariantCulture, "{0,10}  {1,-9}  {2}", f.Level, f.State, lines[0]));
                foreach (var more in lines.Skip(1))
                {
                    ctx.Line(new string(' ', 49) + more);
                }
            }
        }
        return 0;
    }

    /// <summary>lslpp -L: one line a fileset, state and type letters, then the legend (outputs §5.3).</summary>
    private static int ListL(CommandContext ctx, List<InstalledFileset> matches, bool quiet)
    {
        if (!quiet)
        {
            ctx.Line("  Fileset                      Level  State  Type  Description (Uninstaller)");
            ctx.Line("  ----------------------------------------------------------------------------");
        }
        foreach (var f in matches)
        {
            var letter = f.State switch { "COMMITTED" => "C", "APPLIED" => "A", "BROKEN" => "B", _ => "?" };
            var head = f.Name.Length > 24 ? $"  {f.Name}\n{"",26}" : string.Format(CultureInfo.InvariantCulture, "  {0,-24}", f.Name);
            ctx.Line(head + string.Format(CultureInfo.InvariantCulture, "{0,10}    {1}     F    {2}", f.Level, letter, f.Description));
        }
        if (!quiet)
        {
            ctx.Out.Append("\n\nState codes: \n A -- Applied. \n B -- Broken. \n C -- Committed. \n E -- EFIX Locked. \n O -- Obsolete.  (partially migrated to newer version) \n ? -- Inconsistent State...Run lppchk -v. \n\nType codes: \n F -- Installp Fileset \n P -- Product \n C -- Component \n T -- Feature \n R -- RPM Package \nE -- Interim Fix \n");
        }
        return 0;
    }

    internal static List<string> Wrap(string text, int width)
    {
        var lines = new List<string> { "" };
        foreach (var word in text.Split(' '))
        {
            if (lines[^1].Length > 0 && lines[^1].Length + 1 + word.Length > width)
            {
                lines.Add("");
            }
            lines[^1] = lines[^1].Length == 0 ? word : lines[^1] + " " + word;
        }
        return lines;
    }

    // ---- lppchk ----

    /// <summary>lppchk -v (states and requisites) and -c (the files of the filesets named): silent and 0
    /// when consistent (PowerHA install guide, outputs §5.4); otherwise the filesets to correct.</summary>
    private static int Lppchk(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "vcfltm:u");
        if (!g.Has('v') && !g.Has('c') && !g.Has('f') && !g.Has('l'))
        {
            return ctx.Fail("Usage: lppchk {-c|-f|-l|-v} [-m [1|2|3]] [-O {r|s|u}] [-u] [ProductName [FileList ...]]", 2);
        }
        var patterns = g.Operands.Count == 0 ? ["*"] : g.Operands;
        var software = ctx.Node.Software;
        var chosen = software.Filesets.Where(f => patterns.Any(p => Filters.Glob(p, f.Name))).ToList();
        var problems = new List<string>();
        foreach (var f in chosen.Where(f => f.State is not ("COMMITTED" or "APPLIED")))
        {
            problems.Add(string.Format(CultureInfo.InvariantCulture, "  {0,-40}(usr: {1}, root: {2})", f.Name + " " + f.Level, f.State, f.Root ? f.State : "none"));
        }
        if (g.Has('v'))
        {
            foreach (var f in chosen.Where(f => f.State is "COMMITTED" or "APPLIED"))
            {
                var image = SoftwareCatalog.Releases.SelectMany(r => r.Filesets).FirstOrDefault(i => i.Name == f.Name && i.Level == f.Level);
                foreach (var (name, level) in image?.Requisites ?? [])
                {
                    if (software.Find(name) is not { } have || SoftwareCatalog.Compare(have.Level, level) < 0)
                    {
                        problems.Add(string.Format(CultureInfo.InvariantCulture, "  {0,-40}(not installed; requisite fileset)", name + " " + level));
                    }
                }
            }
        }
        if (g.Has('c') && problems.Count == 0)
        {
            return ChecksumErrors(ctx, chosen);
        }
        if (problems.Count == 0)
        {
            return 0;
        }
        ctx.Fail("lppchk:  The following filesets need to be installed or corrected to bring\n         the system to a consistent state:\n\n" + string.Join('\n', problems.Distinct()) + "\n");
        return 1;
    }

    /// <summary>lppchk -c: an error line per shipped file of the filesets whose checksum is not the one
    /// recorded at the installed level (<see cref="ShippedFiles"/>); silent and 0 when none differs.</summary>
    private static int ChecksumErrors(CommandContext ctx, List<InstalledFileset> chosen)
    {
        var errors = 0;
        foreach (var f in chosen)
        {
            foreach (var path in ShippedFiles.Of(f.Name))
            {
                var expected = ShippedFiles.Checksum(ShippedFiles.Content(path, f.Level));
                if (!ctx.Node.Files.TryGetValue(path, out var file))
                {
                    ctx.Fail(ShippedFiles.Missing(path));
                    errors++;
                }
                else if (ShippedFiles.Checksum(file.Content) is var found && found != expected)
                {
                    ctx.Fail(ShippedFiles.ChecksumError(path, found, expected));
                    errors++;
                }
            }
        }
        return errors == 0 ? 0 : 1;
    }

    // ---- sm_inst ----

    /// <summary>SMIT's installation front end: <c>sm_inst installp_cmd FLAGS -f 'LIST'</c> runs installp
    /// on the list (_all_latest: everything on the media); <c>sm_inst list_devices</c> lists the
    /// software sources the node offers (outputs §5.6).</summary>
    private static int SmInst(CommandContext ctx)
    {
        if (ctx.Args.Count > 0 && ctx.Args[0] == "list_devices")
        {
            foreach (var r in SoftwareCatalog.Releases.Where(r => FileTree.IsDirectory(ctx.Node, r.Directory)))
            {
                ctx.Line(string.Format(CultureInfo.InvariantCulture, "{0,-32}{1}", r.Directory, r.Title));
            }
            return 0;
        }
        if (ctx.Args.Count == 0 || ctx.Args[0] != "installp_cmd")
        {
            return ctx.Fail("Usage: sm_inst installp_cmd Flags -f SoftwareList | sm_inst list_devices", 2);
        }
        var args = new List<string>();
        var list = new List<string>();
        for (var i = 1; i < ctx.Args.Count; i++)
        {
            if (ctx.Args[i] == "-f" && i + 1 < ctx.Args.Count)
            {
                list.AddRange(ctx.Args[++i].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w is "_all_latest" or "_update_all" ? "all" : w));
            }
            else if (ctx.Args[i] is "-d" && i + 1 < ctx.Args.Count)
            {
                args.Add(ctx.Args[i]);
                args.Add(ctx.Args[++i]);
            }
            else if (ctx.Args[i].Length > 0)
            {
                args.Add(ctx.Args[i]);
            }
        }
        return Installp(ctx, [.. args, .. list]);
    }

    // ---- installp ----

    private const string InstallpUsage = "installp {-a|-c|-r|-u|-C|-s} [-d Device] [-gXNpQYG] {FilesetName ... | all}";

    private static int Installp(CommandContext ctx, IReadOnlyList<string> argv)
    {
        var g = Getopt.Parse(argv, "acrusCd:gXNpQYGvVe:IJFbBOt:D");
        if (g.BadFlag is { } bad)
        {
            return ctx.Fail($"installp: Not a recognized flag: {bad}\nUsage: {InstallpUsage}", 2);
        }
        if (argv.Count == 0)
        {
            // installp alone prints its usage, as every menu command run alone must (issue 17).
            return ctx.Fail($"Usage: {InstallpUsage}", 2);
        }
        var software = ctx.Node.Software;
        if (g.Has('C'))
        {
            return Cleanup(ctx, software);
        }
        if (g.Has('s'))
        {
            return Status(ctx, software);
        }
        if (g.Operands.Count == 0)
        {
            return ctx.Fail("0503-438 installp:  This function of installp requires a list of\n\tinstallable filesets to be provided.", 2);
        }
        if (software.Filesets.Any(f => f.State is "APPLYING" or "COMMITTING" or "REJECTING" or "DEINSTALLING"))
        {
            return ctx.Fail("installp:  Either there is an installp process currently\n\trunning, or there is a previously failed installation.\n\tWait for the process to complete or run installp -C to\n\tcleanup a failed installation.");
        }
        if (g.Has('a'))
        {
            return Apply(ctx, software, g.Value('d'), g.Operands, commit: g.Has('c'), requisites: g.Has('g'), preview: g.Has('p'));
        }
        var chosen = Select(software.Filesets.Select(f => f.Name), g.Operands);
        if (g.Has('u'))
        {
            return Deinstall(ctx, software, chosen, g.Has('p'));
        }
        if (g.Has('c') || g.Has('r'))
        {
            return CommitOrReject(ctx, software, chosen, reject: g.Has('r'));
        }
        return ctx.Fail($"Usage: {InstallpUsage}", 2);
    }

    /// <summary>The names a list selects: "all", a fileset, or a package (its name then a dot).</summary>
    private static List<string> Select(IEnumerable<string> names, IReadOnlyList<string> wanted) =>
        [.. names.Where(n => wanted.Any(w => w == "all" || w == n || n.StartsWith(w + ".", StringComparison.Ordinal) || (w.Contains('*', StringComparison.Ordinal) && Filters.Glob(w, n))))];

    /// <summary>A fileset row of installp's lists: the description (cut to 28 characters and "..." when
    /// longer than 31) after '#' in column 46, whatever the indent (outputs §5.5, §5.8).</summary>
    private static string Selected(string name, string level, string description, int indent = 2)
    {
        var d = description.Length > 31 ? description[..28] + "..." : description;
        return new string(' ', indent) + (name + " " + level).PadRight(46 - indent) + "# " + d;
    }

    private static string SummaryRow(string name, string level, string part, string evt, string result) =>
        string.Format(CultureInfo.InvariantCulture, "{0,-28}{1,-16}{2,-12}{3,-12}{4}", name.Length > 27 ? name[..27] : name, level, part, evt, result);

    private static void SummaryHeader(CommandContext ctx)
    {
        ctx.Line("");
        ctx.Line(Ruler);
        ctx.Line("                                Summaries:");
        ctx.Line(Ruler);
        ctx.Line("");
        ctx.Line("Installation Summary");
        ctx.Line("--------------------");
        ctx.Line("Name                        Level           Part        Event       Result");
        ctx.Line(new string('-', 79));
    }

    /// <summary>
    /// installp -a[c][g][p] -d DIR LIST: pre-installation verification (requisites on the node or,
    /// with -g, on the media; the AIX level the release needs; cluster services stopped), then each
    /// fileset applied: a new or migrated level committed, an update of the same release applied
    /// (committed with -c). Installing the cluster server changes the node's files and asks for a
    /// reboot. A pending "install" fault interrupts the first fileset, left APPLYING for installp -C.
    /// </summary>
    private static int Apply(CommandContext ctx, NodeSoftware software, string? device, IReadOnlyList<string> wanted, bool commit, bool requisites, bool preview)
    {
        if (device is null)
        {
            return ctx.Fail("installp:  The -d flag is required with -a: give the device or directory of the installation images.\nUsage: " + InstallpUsage, 2);
        }
        var dir = FileTree.Absolute(device);
        var release = SoftwareCatalog.AtDirectory(dir);
        if (release is null || !FileTree.IsDirectory(ctx.Node, dir))
        {
            return ctx.Fail($"installp: Device {device} could not be accessed.\nSpecify a valid device name.");
        }
        var media = release.Filesets.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var selected = Select(media.Keys, wanted).Select(n => media[n]).ToList();
        var notFound = wanted.Where(w => w != "all" && !media.Keys.Any(n => n == w || n.StartsWith(w + ".", StringComparison.Ordinal))).ToList();
        var already = selected.Where(f => software.Find(f.Name) is { } have && SoftwareCatalog.Compare(have.Level, f.Level) >= 0).ToList();
        selected = [.. selected.Except(already)];

        // Requisites: on the node, else (with -g) on the media, else a failure.
        var missing = new List<(string Name, string Level)>();
        var added = new List<FilesetImage>();
        for (var i = 0; i < selected.Count + added.Count; i++)
        {
            var image = i < selected.Count ? selected[i] : added[i - selected.Count];
            foreach (var (name, level) in image.Requisites)
            {
                if (software.Find(name) is { } have && SoftwareCatalog.Compare(have.Level, level) >= 0 && have.State is "COMMITTED" or "APPLIED")
                {
                    continue;
                }
                if (selected.Concat(added).Any(s => s.Name == name))
                {
                    continue;
                }
                if (requisites && media.TryGetValue(name, out var onMedia) && SoftwareCatalog.Compare(onMedia.Level, level) >= 0)
                {
                    added.Add(onMedia);
                }
                else if (!missing.Contains((name, level)))
                {
                    missing.Add((name, level));
                }
            }
        }
        var tooOld = string.CompareOrdinal(software.OsLevel, release.MinOsLevel) < 0;
        var servicesUp = ctx.Node.ClusterManagerState is not ("ST_INIT" or "NOT_CONFIGURED");
        var failed = missing.Count > 0 || tooOld || servicesUp;

        ctx.Line(Ruler);
        ctx.Line("                    Pre-installation Verification...");
        ctx.Line(Ruler);
        ctx.Line("Verifying selections...done");
        ctx.Line("Verifying requisites...done");
        ctx.Line("Results...");
        ctx.Line("");
        var all = selected.Concat(added).ToList();
        if (failed)
        {
            ctx.Line("FAILURES");
            ctx.Line("--------");
            ctx.Line("  Filesets listed in this section failed pre-installation verification");
            ctx.Line("  and will not be installed.");
            ctx.Line("");
            if (missing.Count > 0)
            {
                ctx.Line("  Requisite Failures");
                ctx.Line("  ------------------");
                ctx.Line("  SELECTED FILESETS: The following is a list of filesets that you asked to");
                ctx.Line("  install. They cannot be installed until all of their requisite filesets");
                ctx.Line("  are also installed. See subsequent lists for details of requisites.");
                ctx.Line("");
                foreach (var f in selected)
                {
                    ctx.Line(Selected(f.Name, f.Level, f.Description, 4));
                }
                ctx.Line("");
                ctx.Line("  MISSING REQUISITES: The following filesets are required by one or more");
                ctx.Line("  of the selected filesets listed above. They are not currently installed");
                ctx.Line("  and could not be found on the installation media.");
                ctx.Line("");
                foreach (var (name, level) in missing)
                {
                    ctx.Line(Selected(name, level, "Base Level Fileset", 4));
                }
                ctx.Line("");
            }
            foreach (var reason in new[]
            {
                tooOld ? $"  {release.Title} need AIX {release.MinOsLevel} or later; this node has {software.OsLevel} (oslevel -s)." : null,
                servicesUp ? $"  Cluster services are active on this node ({ctx.Node.ClusterManagerState}): stop them (smitty clstop) before\n  installing HACMP software." : null,
            }.OfType<string>())
            {
                ctx.Line(reason);
                ctx.Line("");
            }
            ctx.Line("  << End of Failure Section >>");
            ctx.Line("");
            ctx.Line("FILESET STATISTICS");
            ctx.Line("------------------");
            ctx.Line(string.Format(CultureInfo.InvariantCulture, "{0,5}  Selected to be installed, of which:", selected.Count));
            ctx.Line(string.Format(CultureInfo.InvariantCulture, "{0,9}  FAILED pre-installation verification", selected.Count));
            ctx.Line("  ----");
            ctx.Line(string.Format(CultureInfo.InvariantCulture, "{0,5}  Total to be installed", 0));
            ctx.Line("");
            return ctx.Fail("installp:  Installation failed due to requisite or pre-installation verification failures.");
        }
        if (all.Count == 0)
        {
            foreach (var w in notFound)
            {
                ctx.Fail($"installp:  The fileset {w} was not found on the installation media {device}.");
            }
            ctx.Line("WARNINGS");
            ctx.Line("--------");
            ctx.Line("  Problems described in this section are not likely to be the source of any");
            ctx.Line("  immediate or serious failures, but further actions may be necessary or");
            ctx.Line("  desired.");
            ctx.Line("");
            ctx.Line("  Already Installed");
            ctx.Line("  -----------------");
            ctx.Line("  The following filesets which you selected are already installed.");
            ctx.Line("");
            foreach (var f in already)
            {
                ctx.Line(Selected(f.Name, f.Level, f.Description, 4));
            }
            ctx.Line("");
            ctx.Line("  << End of Warning Section >>");
            return notFound.Count > 0 ? 1 : 0;
        }
        ctx.Line("SUCCESSES");
        ctx.Line("---------");
        ctx.Line("  Filesets listed in this section passed pre-installation verification");
        ctx.Line("  and will be installed.");
        ctx.Line("");
        ctx.Line("  Selected Filesets");
        ctx.Line("  -----------------");
        foreach (var f in selected)
        {
            ctx.Line(Selected(f.Name, f.Level, f.Description));
        }
        ctx.Line("");
        if (added.Count > 0)
        {
            ctx.Line("  Requisites");
            ctx.Line("  ----------");
            ctx.Line("  (being installed automatically; required by filesets listed above)");
            foreach (var f in added)
            {
                ctx.Line(Selected(f.Name, f.Level, f.Description));
            }
            ctx.Line("");
        }
        ctx.Line("  << End of Success Section >>");
        ctx.Line("");
        if (preview)
        {
            ctx.Line("******************************************************************************");
            ctx.Line("End of installp PREVIEW.  No apply operation has actually occurred.");
            ctx.Line("******************************************************************************");
            return 0;
        }
        ctx.Line(Ruler);
        ctx.Line("                   BUILDDATE Verification ...");
        ctx.Line(Ruler);
        ctx.Line("Verifying build dates...done");
        ctx.Line("FILESET STATISTICS");
        ctx.Line("------------------");
        ctx.Line(string.Format(CultureInfo.InvariantCulture, "{0,5}  Selected to be installed, of which:", selected.Count));
        ctx.Line(string.Format(CultureInfo.InvariantCulture, "{0,9}  Passed pre-installation verification", selected.Count));
        if (added.Count > 0)
        {
            ctx.Line(string.Format(CultureInfo.InvariantCulture, "{0,5}  Additional requisites to be automatically installed", added.Count));
        }
        ctx.Line("  ----");
        ctx.Line(string.Format(CultureInfo.InvariantCulture, "{0,5}  Total to be installed", all.Count));
        ctx.Line("");
        ctx.Line(Ruler);
        ctx.Line("                         Installing Software...");
        ctx.Line(Ruler);
        ctx.Line("");
        ctx.Line("installp:  APPLYING software for:");
        // Installed in requisite order: what others need first.
        var order = all.OrderBy(f => f.Requisites.Count(r => all.Any(a => a.Name == r.Fileset))).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
        foreach (var f in order)
        {
            ctx.Line($"        {f.Name} {f.Level}");
        }
        ctx.Line("");
        if (ctx.World.Faults.FirstOrDefault(x => x.Kind == "install" && x.Target == ctx.Node.Name) is { } fault)
        {
            // The install fault: the session dies while the first fileset is being applied.
            ctx.World.Faults.Remove(fault);
            var victim = order[0];
            var have = software.Find(victim.Name);
            if (have is null)
            {
                have = new InstalledFileset { Name = victim.Name, Description = victim.Description, Root = victim.Root };
                software.Filesets.Add(have);
                software.Filesets.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            }
            have.PreviousLevel = have.Level.Length > 0 ? have.Level : null;
            have.PreviousState = have.Level.Length > 0 ? have.State : null;
            have.Level = victim.Level;
            have.State = "APPLYING";
            have.History.Add(new FilesetEvent { Level = victim.Level, Action = "APPLY", Status = "BROKEN", When = ctx.World.Clock });
            return ctx.Fail($"installp:  The installation of {victim.Name} {victim.Level} was interrupted (simulated fault: install {ctx.Node.Name}).\n\tRun installp -C to clean up the failed installation, then install again.");
        }
        ctx.Line(string.Format(CultureInfo.InvariantCulture, "Finished processing all filesets.  (Total time:  {0} secs).", 4 * order.Count));
        SummaryHeader(ctx);
        var rows = new List<string>();
        foreach (var f in order)
        {
            var have = software.Find(f.Name);
            var update = have is not null && SoftwareCatalog.SameRelease(have.Level, f.Level);
            if (have is null)
            {
                have = new InstalledFileset { Name = f.Name };
                software.Filesets.Add(have);
            }
            have.Description = f.Description;
            have.Root = f.Root;
            if (update)
            {
                // An update of the same release: applied, the committed level kept for a reject.
                have.PreviousLevel = have.Level;
                have.History.Add(new FilesetEvent { Level = f.Level, Action = "APPLY", When = ctx.World.Clock });
                have.State = "APPLIED";
                if (commit)
                {
                    have.History.Add(new FilesetEvent { Level = f.Level, Action = "COMMIT", When = ctx.World.Clock });
                    have.State = "COMMITTED";
                    have.PreviousLevel = null;
                }
            }
            else
            {
                // A new fileset or another release (a migration): a base level, always committed.
                have.History.Add(new FilesetEvent { Level = f.Level, Action = "COMMIT", When = ctx.World.Clock });
                have.State = "COMMITTED";
                have.PreviousLevel = null;
            }
            have.Level = f.Level;
            have.PreviousState = null;
            WriteShipped(ctx.World, ctx.Node, have);
            rows.Add(SummaryRow(f.Name, f.Level, "USR", "APPLY", "SUCCESS"));
            if (f.Root)
            {
                rows.Add(SummaryRow(f.Name, f.Level, "ROOT", "APPLY", "SUCCESS"));
            }
            if (update && commit)
            {
                rows.Add(SummaryRow(f.Name, f.Level, "USR", "COMMIT", "SUCCESS"));
                if (f.Root)
                {
                    rows.Add(SummaryRow(f.Name, f.Level, "ROOT", "COMMIT", "SUCCESS"));
                }
            }
        }
        software.Filesets.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var row in rows)
        {
            ctx.Line(row);
        }
        if (order.Any(f => f.Name == SoftwareCatalog.ServerFileset))
        {
            InstallChanges(ctx.World, ctx.Node);
            software.RebootPending = true;
            ctx.Line("");
            ctx.Line("installp:  * * *  A T T E N T I O N ! ! !");
            ctx.Line("    Software changes processed during this session require this system");
            ctx.Line("    and any of its diskless/dataless clients to be rebooted in order");
            ctx.Line("    for the changes to be made effective.");
        }
        foreach (var w in notFound)
        {
            ctx.Fail($"installp:  The fileset {w} was not found on the installation media {device}.");
        }
        return notFound.Count > 0 ? 1 : 0;
    }

    /// <summary>What installing the cluster server adds to the node's files (each line once) and the release notes.</summary>
    internal static void InstallChanges(SimWorld world, SimNode node)
    {
        foreach (var (file, lines) in SoftwareCatalog.InstallChanges)
        {
            var content = node.Files.TryGetValue(file, out var f) ? f.Content : "";
            var add = string.Concat(lines.Where(l => !content.Split('\n').Contains(l)).Select(l => l + "\n"));
            if (add.Length > 0)
            {
                FileTree.Write(world, node, file, (content.Length > 0 && !content.EndsWith('\n') ? "\n" : "") + add, append: true);
            }
        }
        // The files the installed filesets ship (the release notes among them), where not written yet.
        foreach (var f in node.Software.Filesets.Where(f => ShippedFiles.Of(f.Name).Any(p => !node.Files.ContainsKey(p))))
        {
            WriteShipped(world, node, f);
        }
    }

    /// <summary>Writes the files <paramref name="fileset"/> ships, as its level ships them.</summary>
    private static void WriteShipped(SimWorld world, SimNode node, InstalledFileset fileset)
    {
        foreach (var path in ShippedFiles.Of(fileset.Name))
        {
            FileTree.Write(world, node, path, ShippedFiles.Content(path, fileset.Level), append: false);
        }
    }

    private static int Cleanup(CommandContext ctx, NodeSoftware software)
    {
        var broken = software.Filesets.Where(f => f.State is "APPLYING" or "COMMITTING" or "REJECTING" or "DEINSTALLING").ToList();
        if (broken.Count == 0)
        {
            ctx.Line("installp: No filesets were found in the Software Vital");
            ctx.Line("\tProduct Database that could be cleaned up.");
            return 0;
        }
        ctx.Line("installp: Cleaning up software for:");
        foreach (var f in broken)
        {
            ctx.Line($"        {f.Name} {f.Level}");
        }
        SummaryHeader(ctx);
        foreach (var f in broken)
        {
            ctx.Line(SummaryRow(f.Name, f.Level, "USR", "CLEANUP", "SUCCESS"));
            if (f.Root)
            {
                ctx.Line(SummaryRow(f.Name, f.Level, "ROOT", "CLEANUP", "SUCCESS"));
            }
            f.History.Add(new FilesetEvent { Level = f.Level, Action = "CLEANUP", When = ctx.World.Clock });
            if (f.PreviousLevel is null)
            {
                software.Filesets.Remove(f);
                continue;
            }
            f.Level = f.PreviousLevel;
            f.State = f.PreviousState ?? "COMMITTED";
            f.PreviousLevel = null;
            f.PreviousState = null;
        }
        return 0;
    }

    private static int Status(CommandContext ctx, NodeSoftware software)
    {
        var applied = software.Filesets.Where(f => f.State == "APPLIED").ToList();
        if (applied.Count == 0)
        {
            ctx.Line("installp:  No filesets were found in the Software");
            ctx.Line("\tVital Product Database in the APPLIED state.");
            return 0;
        }
        ctx.Line("Installp Status");
        ctx.Line("---------------");
        ctx.Line("Name                                Part    Level                   State");
        ctx.Line(new string('-', 75));
        foreach (var f in applied)
        {
            foreach (var part in f.Root ? new[] { "USR", "ROOT" } : ["USR"])
            {
                ctx.Line(string.Format(CultureInfo.InvariantCulture, "{0,-36}{1,-8}{2,-24}{3}", f.Name, part, f.Level, f.State));
            }
        }
        return 0;
    }

    private static int CommitOrReject(CommandContext ctx, NodeSoftware software, List<string> chosen, bool reject)
    {
        var evt = reject ? "REJECT" : "COMMIT";
        var targets = chosen.Select(software.Find).OfType<InstalledFileset>().Where(f => f.State == "APPLIED").ToList();
        if (targets.Count == 0)
        {
            ctx.Line("installp:  No filesets were found in the Software");
            ctx.Line("\tVital Product Database in the APPLIED state.");
            return 0;
        }
        ctx.Line($"installp:  {(reject ? "REJECTING" : "COMMITTING")} software for:");
        foreach (var f in targets)
        {
            ctx.Line($"        {f.Name} {f.Level}");
        }
        SummaryHeader(ctx);
        foreach (var f in targets)
        {
            ctx.Line(SummaryRow(f.Name, f.Level, "USR", evt, "SUCCESS"));
            if (f.Root)
            {
                ctx.Line(SummaryRow(f.Name, f.Level, "ROOT", evt, "SUCCESS"));
            }
            f.History.Add(new FilesetEvent { Level = f.Level, Action = evt, When = ctx.World.Clock });
            if (reject)
            {
                f.Level = f.PreviousLevel ?? f.Level;
            }
            f.State = "COMMITTED";
            f.PreviousLevel = null;
        }
        return 0;
    }

    private static int Deinstall(CommandContext ctx, NodeSoftware software, List<string> chosen, bool preview)
    {
        var targets = chosen.Select(software.Find).OfType<InstalledFileset>().ToList();
        if (targets.Count == 0)
        {
            ctx.Line("  Not Installed");
            ctx.Line("  -------------");
            ctx.Line("  No software could be found on the system that could be deinstalled for the");
            ctx.Line("  following requests:");
            return 0;
        }
        if (targets.Any(f => f.Name.StartsWith("cluster.", StringComparison.Ordinal)) && ctx.Node.ClusterManagerState is not ("ST_INIT" or "NOT_CONFIGURED"))
        {
            return ctx.Fail($"installp:  Cluster services are active on this node ({ctx.Node.ClusterManagerState}): stop them (smitty clstop)\n\tbefore removing HACMP software.");
        }
        ctx.Line(Ruler);
        ctx.Line("                    Pre-deinstall Verification...");
        ctx.Line(Ruler);
        ctx.Line("Verifying selections...done");
        ctx.Line("Verifying requisites...done");
        ctx.Line("Results...");
        ctx.Line("");
        ctx.Line("SUCCESSES");
        ctx.Line("---------");
        ctx.Line("  Filesets listed in this section passed pre-deinstall verification");
        ctx.Line("  and will be removed.");
        ctx.Line("");
        ctx.Line("  Selected Filesets");
        ctx.Line("  -----------------");
        foreach (var f in targets)
        {
            ctx.Line(Selected(f.Name, f.Level, f.Description));
        }
        ctx.Line("");
        ctx.Line("  << End of Success Section >>");
        if (preview)
        {
            return 0;
        }
        SummaryHeader(ctx);
        foreach (var f in targets)
        {
            if (f.Root)
            {
                ctx.Line(SummaryRow(f.Name, f.Level, "ROOT", "DEINSTALL", "SUCCESS"));
            }
            ctx.Line(SummaryRow(f.Name, f.Level, "USR", "DEINSTALL", "SUCCESS"));
            software.Filesets.Remove(f);
            foreach (var path in ShippedFiles.Of(f.Name))
            {
                ctx.Node.Files.Remove(path);
            }
        }
        return 0;
    }

    // ---- shutdown ----

    /// <summary>shutdown [-F] [-r]: the node restarts (with -r) as after a reboot, which activates software
    /// installed since (the new cluster manager, seeds 000). Refused while cluster services run: stop them first.</summary>
    private static int Shutdown(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "Frhmikvdlt:");
        var node = ctx.Node;
        if (node.ClusterManagerState is not ("ST_INIT" or "NOT_CONFIGURED"))
        {
            return ctx.Fail($"shutdown: cluster services are active on {node.Name} ({node.ClusterManagerState}): stop them (smitty clstop) first;\n\tthe simulator does not take a node down under a running cluster manager (use 'cladmin sim fail node {node.Name}' for a crash).");
        }
        var now = ctx.World.Clock;
        ctx.Line("");
        ctx.Line("SHUTDOWN PROGRAM");
        ctx.Line($"{now.ToString("ddd MMM", CultureInfo.InvariantCulture)} {now.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2)} {now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} {ctx.World.TimeZone} {now.Year}");
        ctx.Line("");
        if (!g.Has('r'))
        {
            return ctx.Fail("shutdown: only a restart (shutdown -Fr) is simulated: a halted node would stay down.", 2);
        }
        ctx.Line("Wait for 'Rebooting...' before stopping.");
        // What a restart ends: mounts of shared volume groups, varyons, application processes.
        node.Mounts.RemoveAll(m => m.Device.StartsWith("/dev/", StringComparison.Ordinal) && node.FindVgByName("rootvg") is { } r
            && ctx.World.FindVg(r.VgId)?.FindLv(m.Device[5..]) is null);
        foreach (var vg in node.VolumeGroups.Where(v => v.Name != "rootvg"))
        {
            vg.State = VaryState.Off;
            vg.ConcurrentMode = false;
            if (ctx.World.FindVg(vg.VgId) is { } desc && desc.ReservedBy == node.Name)
            {
                desc.ReservedBy = null;
            }
        }
        node.Processes.Clear();
        foreach (var nic in node.Interfaces.Where(n => n.Addresses.Count > 1))
        {
            nic.Addresses.RemoveRange(1, nic.Addresses.Count - 1);
        }
        node.Software.RebootPending = false;
        ctx.Line("Rebooting . . .");
        return 0;
    }

    /// <summary>A short description of the inventory, for sim status.</summary>
    internal static string Summary(SimNode node)
    {
        var level = node.Software.Find(SoftwareCatalog.ServerFileset)?.Level ?? "none";
        return new StringBuilder().Append("HACMP ").Append(level).Append(node.Software.RebootPending ? " (reboot pending)" : "").ToString();
    }
}
