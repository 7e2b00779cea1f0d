using System.Globalization;
using System.Text;
using System.Text.Json;
using ClAdmin.Sim.Model;

namespace ClAdmin.Sim;

/// <summary>
/// Reads the world document (see <see cref="WorldJson"/>) into new model objects. One method
/// per model class, mirroring <see cref="WorldJsonWriter"/>: a class that only occurs in a
/// collection is read with its collection, into the collection the new owner already holds (so
/// the ordinal comparers of the sorted ones stay). Properties come in any order; unknown ones are
/// skipped; a property given twice counts once, the last time. It keeps the path to the value
/// being read (nodes[3].interfaces[0].mtu) for the message of a <see cref="JsonException"/>.
/// </summary>
internal ref struct WorldJsonReader
{
    /// <summary>As System.Text.Json's default: deeper documents are malformed.</summary>
    private const int MaxDepth = 64;

    private Utf8JsonReader _json;

    /// <summary>Per open object: the property being read; per open array: null.</summary>
    private readonly string?[] _names = new string?[MaxDepth];

    /// <summary>Per open array: the index of the item being read; per open object: -1.</summary>
    private readonly int[] _indexes = new int[MaxDepth];

    private int _depth;

    /// <summary>The whole document, of which a node's software is kept unread (see <see cref="SimNode.Software"/>).</summary>
    private readonly ReadOnlyMemory<byte> _document;

    /// <summary>Where the text being read sits in the world ("nodes[3].software"), for messages.</summary>
    private readonly string _within;

    private WorldJsonReader(ReadOnlyMemory<byte> utf8, string within = "")
    {
        _document = utf8;
        _within = within;
        _json = new Utf8JsonReader(utf8.Span, new JsonReaderOptions { MaxDepth = MaxDepth });
    }

    /// <summary>Reads one world document, the whole of <paramref name="utf8"/>; each node's software
    /// is read from it when first used (a wrong value in it is reported then).</summary>
    /// <exception cref="JsonException">Not a world document; the message says where.</exception>
    public static SimWorld Read(ReadOnlyMemory<byte> utf8) => Read(new WorldJsonReader(utf8), static (ref WorldJsonReader r) => r.ReadDocument())
            ?? throw new JsonException("empty world document");

    private static T? Read<T>(WorldJsonReader reader, ReadBody<T> body)
        where T : class
    {
        T? world;
        try
        {
            world = body(ref reader);
        }
        catch (JsonException e) when (e.Path is null)
        {
            // Malformed JSON, found by Utf8JsonReader itself: say where in the world it was.
            throw reader.Error(e.Message, e);
        }
        catch (InvalidOperationException e)
        {
            // A string Utf8JsonReader cannot decode (an escaped lone surrogate).
            throw reader.Error(e.Message, e);
        }
        return world;
    }

    private delegate T? ReadBody<T>(ref WorldJsonReader reader);

    /// <summary>Reads one value kept by <see cref="Keep{T}"/> from its stored JSON, <paramref name="within"/>
    /// naming its place in the world for messages.</summary>
    private static T ReadKept<T>(ReadOnlyMemory<byte> utf8, string within, ReadBody<T> body)
        where T : class =>
        Read(new WorldJsonReader(utf8, within), (ref WorldJsonReader r) =>
        {
            r._json.Read();
            var value = body(ref r);
            return r._json.Read() ? throw r.Error("more data after the value") : value;
        })!;

    /// <summary>Keeps the current value's JSON in <paramref name="part"/>, to be read by
    /// <paramref name="body"/> on first use: checked as JSON now (and that it is a
    /// <paramref name="kind"/>), read into objects only if a command uses it.</summary>
    private void Keep<T>(ref Deferred<T> part, JsonTokenType kind, ReadBody<T> body)
        where T : class
    {
        if (_json.TokenType != kind)
        {
            throw Error(kind == JsonTokenType.StartObject ? "expected an object" : "expected an array");
        }
        var start = (int)_json.TokenStartIndex;
        _json.Skip();
        var json = _document.Slice(start, (int)_json.BytesConsumed - start);
        var within = Path();
        part.Keep(json, () => ReadKept(json, within, body));
    }

    /// <summary>The world, or null for a document that is empty or null.</summary>
    private SimWorld? ReadDocument()
    {
        if (!_json.Read() || _json.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        var world = ReadWorld();
        if (_json.Read())
        {
            throw Error("more data after the world document");
        }
        return world;
    }

    private SimWorld ReadWorld()
    {
        var world = new SimWorld();
        StartObject();
        while (NextProperty(out var name))
        {
            switch (name)
            {
                case "format": world.Format = ReadInt32(); break;
                case "seed": world.Seed = ReadInt32(); break;
                case "clock": world.Clock = ReadDateTime(); break;
                case "timeZone": world.TimeZone = ReadString(); break;
                case "nextPid": world.NextPid = ReadInt32(); break;
                case "nextSerial": world.NextSerial = ReadInt32(); break;
                case "nodes": ReadNodes(world.Nodes); break;
                case "disks": ReadDisks(world.Disks); break;
                case "volumeGroups": ReadVolumeGroups(world.VolumeGroups); break;
                case "networks": ReadNetworks(world.Networks); break;
                case "nonIpLinks": ReadNonIpLinks(world.NonIpLinks); break;
                case "faults": ReadFaults(world.Faults); break;
                case "cluster": ReadCluster(world.Cluster); break;
                default: _json.Skip(); break;
            }
        }
        return world;
    }

    private void ReadNodes(List<SimNode> nodes)
    {
        nodes.Clear();
        StartArray();
        while (NextItem())
        {
            var node = new SimNode();
            nodes.Add(node);
            var software = false;
            StartObject();
            while (NextProperty(out var name))
            {
                switch (name)
                {
                    case "name": node.Name = ReadString(); break;
                    case "hostname": node.Hostname = ReadString(); break;
                    case "up": node.Up = ReadBoolean(); break;
                    case "machineId": node.MachineId = ReadString(); break;
                    case "nodeNumber": node.NodeNumber = ReadInt32(); break;
                    case "interfaces": ReadInterfaces(node.Interfaces); break;
                    case "subsystems": ReadSubsystems(node.Subsystems); break;
                    case "users": ReadUsers(node.Users); break;
                    case "groups": ReadGroups(node.Groups); break;
                    case "files": ReadFiles(node.Files); break;
                    case "directories": ReadStrings(node.Directories); break;
                    case "volumeGroups": ReadNodeVolumeGroups(node.VolumeGroups); break;
                    case "fileSystems": ReadFileSystems(node.FileSystems); break;
                    case "mounts": ReadMounts(node.Mounts); break;
                    case "processes": ReadProcesses(node.Processes); break;
                    case "metrics": node.Metrics = ReadMetrics(); break;
                    case "software": Keep(ref node.SoftwarePart, JsonTokenType.StartObject, static (ref WorldJsonReader r) => r.ReadSoftware()); software = true; break;
                    case "clusterManagerState": node.ClusterManagerState = ReadString(); break;
                    case "varyOnCounter": node.VaryOnCounter = ReadInt32(); break;
                    default: _json.Skip(); break;
                }
            }
            if (!software)
            {
                // A world saved before nodes had an inventory: every node had HACMP 5.5 installed.
                node.Software = Software.SoftwareCatalog.Baseline(Software.SoftwareCatalog.Find(Software.SoftwareCatalog.DefaultRelease), WorldBuilder.Epoch.AddDays(-30));
            }
        }
    }

    private void ReadInterfaces(List<NetInterface> interfaces)
    {
        interfaces.Clear();
        StartArray();
        while (NextItem())
        {
            var nic = new NetInterface();
            interfaces.Add(nic);
            StartObject();
            while (NextProperty(out var name))
            {
                switch (name)
                {
                    case "name": nic.Name = ReadString(); break;
                    case "network": nic.Network = ReadString(); break;
                    case "mac": nic.Mac = ReadString(); break;
                    case "mtu": nic.Mtu = ReadInt32(); break;
                    case "up": nic.Up = ReadBoolean(); break;
                    case "addresses": ReadAddresses(nic.Addresses); break;
                    case "ipkts": nic.Ipkts = ReadInt64(); break;
                    case "opkts": nic.Opkts = ReadInt64(); break;
                    case "odmAddress": nic.OdmAddress = ReadAddress(); break;
                    default: _json.Skip(); break;
                }
            }
        }
    }

    private IpAddress ReadAddress()
    {
        var address = new IpAddress();
        StartObject();
        while (NextProperty(out var name))
        {
            switch (name)
            {
                case "address": address.Address = ReadString(); break;
                case "netmask": address.Netmask = ReadString(); break;
                default: _json.Skip(); break;
            }
        }
        return address;
    }

    private void ReadAddresses(List<IpAddress> addresses)
    {
        addresses.Clear();
        StartArray();
        while (NextItem())
        {
            var address = new IpAddress();
            addresses.Add(address);
            StartObject();
            while (NextProperty(out var name))
            {
                switch (name)
                {
                    case "address": address.Address = ReadString(); break;
                    case "netmask": address.Netmask = ReadString(); break;
                    default: _json.Skip(); break;
                }
            }
        }
    }

    private void ReadSubsystems(List<SrcSubsystem> subsystems)
    {
        subsystems.Clear();
        StartArray();
        while (NextItem())
        {
            var subsystem = new SrcSubsystem();
            subsystems.Add(subsystem);
            StartObject();
            while (NextProperty(out var name))
            {
                switch (name)
                {
                    case "name": subsystem.Name = ReadString(); break;
                    case "group": subsystem.Group = ReadString(); break;
                    case "pid": subsystem.Pid = ReadNullableInt32(); break;
                    case "status": subsystem.Status = ReadString(); break;
                    default: _json.Skip(); break;
                }
            }
        }
    }

    private void ReadUsers(List<SimUser> users)
    {
        users.Clear();
        StartArray();
        while (NextItem())
        {
            var user = new SimUser();
            users.Add(user);
            StartObject();
            while (NextProperty(out var name))
            {
                switch (name)
                {
                    case "name": user.Name = ReadString(); break;
                    case "id": user.Id = ReadInt32(); break;
                    case "pgrp": user.Pgrp = ReadString(); break;
                    case "groups": ReadStrings(user.Groups); break;
                    case "home": user.Home = ReadString(); break;
                    case "shell": user.Shell = ReadString(); break;
                    case "passwordHash": user.PasswordHash = ReadString(); break;
                    case "passwordFlags": user.PasswordFlags = ReadString(); break;
                    case "passwordLastUpdate": user.PasswordLastUpdate = ReadInt64(); break;
                    case "attributes": ReadStringMap(user.Attributes); break;
                    default: _json.Skip(); break;
                }
            }
        }
    }

    private void ReadGroups(List<SimGroup> groups)
    {
        groups.Clear();
        StartArray();
        while (NextItem())
        {
            var group = new SimGroup();
            groups.Add(group);
            StartObject();
            while (NextProperty(out var name))
            {
                switch (name)
                {
                    case "name": group.Name = ReadString(); break;
                    case "id": group.Id = ReadInt32(); break;
                    case "admin": group.Admin = ReadBoolean(); break;
                    case "users": ReadStrings(group.Users); break;
                    case "adms": ReadStrings(group.Adms); break;
                    default: _json.Skip(); break;
                }
            }
        }
    }

    /// <summary>"files":{path:{...}}; "isExecutable" is computed from the mode, so skipped.</summary>
    private void ReadFiles(SortedDictionary<string, SimFile> files)
    {
        files.Clear();
        StartObject();
        while (NextProperty(out var path))
        {
            var file = new SimFile();
            files[path] = file;
            StartObject();
            while (NextProperty(out var name))
            {
                switch (name)
                {
                    case "content": file.Content = ReadString(); break;
                    case "apart": file.Apart = ReadBoolean(); break;
                    case "rev": file.Revision = ReadInt64(); break;
                    case "mode": file.Mode = ReadString(); break;
                    case "owner": file.Owner = ReadString(); break;
                    case "group": file.Group = ReadString(); break;
                    case "modified": file.Modified = ReadDateTime(); break;
                    default: _json.Skip(); break;
                }
            }
        }
    }

    private void ReadNodeVolumeGroups(List<NodeVolumeGroup> volumeGroups)
    {
        volumeGroups.Clear();
        StartArray();
        while (NextItem())
        {
            var vg = new NodeVolumeGroup();
            volumeGroups.Add(vg);
            StartObject();
            while (NextProperty(out var name))
            {
                switch (name)
                {
                    case "name": vg.Name = ReadString(); break;
                    case "vgId": vg.VgId = ReadString(); break;
                    case "major": vg.Major = ReadInt32(); break;
                    case "autoOn": vg.AutoOn = ReadBoolean(); break;
                    case "state": vg.State = ReadVaryState(); break;
                    case "concurrentMode": vg.ConcurrentMode = ReadBoolean(); break;
                    case "odmTimestamp": vg.OdmTimestamp = ReadInt32(); break;
                    case "varyOnOrder": vg.VaryOnOrder = ReadInt32(); break;
                    default: _json.Skip(); break;
                }
            }
        }
    }

    /// <summary>The enum's name (in any case, as JsonStringEnumConverter took it) or its number.</summary>
    private VaryState ReadVaryState()
    {
        if (_json.TokenType == JsonTokenType.Number && _json.TryGetInt32(out var number))
        {
            return (VaryState)number;
        }
        if (_json.TokenType == JsonTokenType.String)
        {
            var text = _json.GetString();
            if (string.Equals(text, "Off", StringComparison.OrdinalIgnoreCase))
            {
                return VaryState.Off;
            }
            if (string.Equals(text, "Active", StringComparison.OrdinalIgnoreCase))
            {
                return VaryState.Active;
            }
            if (string.Equals(text, "Passive", StringComparison.OrdinalIgnoreCase))
            {
                return VaryState.Passive;
            }
        }
        throw Error("expected Off, Active or Passive");
    }

    private void ReadFileSystems(List<FsStanza> fileSystems)
    {
        fileSystems.Clear();
        StartArray();
        while (NextItem())
        {
            var fs = new FsStanza();
            fileSystems.Add(fs);
            StartObject();
            while (NextProperty(out var name))
            {
                switch (name)
                {
                    case "mountPoint": fs.MountPoint = ReadString(); break;
                    case "dev": fs.Dev = ReadString(); break;
                    case "vfs": fs.Vfs = ReadString(); break;
                    case "log": fs.Log = ReadString(); break;
                    case "mount": fs.Mount = ReadString(); break;
                    case "options": fs.Options = ReadString(); break;
                    case "account": fs.Account = ReadString(); break;
                    case "pseudo": fs.Pseudo = ReadBoolean(); break;
                    default: _json.Skip(); break;
                }
            }
        }
    }

    private void ReadMounts(List<MountEntry> mounts)
    {
        mounts.Clear();
        StartArray();
        while (NextItem())
        {
            var mount = new MountEntry();
            mounts.Add(mount);
            StartObject();
            while (NextProperty(out var name))
            {
                switch (name)
                {
                    case "device": mount.Device = ReadString(); break;
                    case "mountPoint": mount.MountPoint = ReadString(); break;
                    case "vfs": mount.Vfs = ReadString(); break;
                    case "when": mount.When = ReadDateTime(); break;
                    case "options": mount.Options = ReadString(); break;
                    default: _json.Skip(); break;
                }
            }
        }
    }

    private void ReadProcesses(List<SimProcess> processes)
    {
        processes.Clear();
        StartArray();
        while (NextItem())
        {
            var process = new SimProcess();
            processes.Add(process);
            StartObject();
            while (NextProperty(out var name))
            {
                switch (name)
                {
                    case "pid": process.Pid = ReadInt32(); break;
                    case "command": process.Command = ReadString(); break;
                    case "started": process.Started = ReadDateTime(); break;
                    default: _json.Skip(); break;
                }
            }
        }
    }

    private NodeSoftware ReadSoftware()
    {
        var software = new NodeSoftware();
        StartObject();
        while (NextProperty(out var name))
        {
            switch (name)
            {
                case "osLevel": software.OsLevel = ReadString(); break;
                case "rebootPending": software.RebootPending = ReadBoolean(); break;
                case "filesets": ReadFilesets(software.Filesets); break;
                default: _json.Skip(); break;
            }
        }
        return software;
    }

    private void ReadFilesets(List<InstalledFileset> filesets)
    {
        filesets.Clear();
        StartArray();
        while (NextItem())
        {
            var f = new InstalledFileset();
            filesets.Add(f);
            StartObject();
            while (NextProperty(out var name))
            {
                switch (name)
                {
                    case "name": f.Name = ReadString(); break;
                    case "level": f.Level = ReadString(); break;
                    case "state": f.State = ReadString(); break;
                    case "description": f.Description = ReadString(); break;
                    case "root": f.Root = ReadBoolean(); break;
                    case "previousLevel": f.PreviousLevel = ReadNullableString(); break;
                    case "previousState": f.PreviousState = ReadNullableString(); break;
                    case "history": ReadHistory(f.History); break;
                    default: _json.Skip(); break;
                }
            }
        }
    }

    private void ReadHistory(List<FilesetEvent> history)
    {
        history.Clear();
        StartArray();
        while (NextItem())
        {
            var e = new FilesetEvent();
            history.Add(e);
            StartObject();
            while (NextProperty(out var name))
            {
                switch (name)
                {
                    case "level": e.Level = ReadString(); break;
                    case "action": e.Action = ReadString(); break;
                    case "status": e.Status = ReadString(); break;
                    case "when": e.When = ReadDateTime(); break;
                    default: _json.Skip(); break;
                }
            }
        }
    }

    private NodeMetrics ReadMetrics()
    {
        var metrics = new NodeMetrics();
        StartObject();
        while (NextProperty(out var name))
        {
            switch (name)
            {
                case "cpuIdlePercent": metrics.CpuIdlePercent = ReadInt32(); break;
                case "freeMemoryMb": metrics.FreeMemoryMb = ReadInt32(); break;
                case "diskBusyPercent": metrics.DiskBusyPercent = ReadInt32(); break;
                default: _json.Skip(); break;
            }
        }
        return metrics;
    }

    private void ReadDisks(List<SimDisk> disks)
    {
        disks.Clear();
        StartArray();
        while (NextItem())
        {
            var disk = new SimDisk();
            disks.Add(disk);
            StartObject();
            while (NextProperty(out var name))
            {
                switch (name)
                {
                    case "id": disk.Id = ReadString(); break;
                    case "pvid": disk.Pvid = ReadNullableString(); break;
                    case "sizeMb": disk.SizeMb = ReadInt32(); break;
                    case "names": ReadStringMap(disk.Names); break;
                    case "vgId": disk.VgId = ReadNullableString(); break;
                    case "failed": disk.Failed = ReadBoolean(); break;
                    case "description": disk.Description = ReadString(); break;
                    case "location": disk.Location = ReadString(); break;
                    case "reservePolicy": disk.ReservePolicy = ReadString(); break;
                    case "vgdaSizeMb": disk.VgdaSizeMb = ReadNullableInt32(); break;
                    case "unconfigured": ReadStringMap(disk.Unconfigured); break;
                    default: _json.Skip(); break;
                }
            }
        }
    }

    private void ReadVolumeGroups(List<VolumeGroup> volumeGroups)
    {
        volumeGroups.Clear();
        StartArray();
        while (NextItem())
        {
            var vg = new VolumeGroup();
            volumeGroups.Add(vg);
            StartObject();
            while (NextProperty(out var name))
            {
                switch (name)
                {
                    case "vgId": vg.VgId = ReadString(); break;
                    case "name": vg.Name = ReadString(); break;
                    case "ppSizeMb": vg.PpSizeMb = ReadInt32(); break;
                    case "enhancedConcurrent": vg.EnhancedConcurrent = ReadBoolean(); break;
                    case "quorum": vg.Quorum = ReadBoolean(); break;
                    case "disks": ReadStrings(vg.Disks); break;
                    case "logicalVolumes": ReadLogicalVolumes(vg.LogicalVolumes); break;
                    case "timestamp": vg.Timestamp = ReadInt32(); break;
                    case "reservedBy": vg.ReservedBy = ReadNullableString(); break;
                    case "autoSync": vg.AutoSync = ReadBoolean(); break;
                    case "hotSpare": vg.HotSpare = ReadString(); break;
                    default: _json.Skip(); break;
                }
            }
        }
    }

    private void ReadLogicalVolumes(List<LogicalVolume> logicalVolumes)
    {
        logicalVolumes.Clear();
        StartArray();
        while (NextItem())
        {
            var lv = new LogicalVolume();
            logicalVolumes.Add(lv);
            StartObject();
            while (NextProperty(out var name))
            {
                switch (name)
                {
                    case "name": lv.Name = ReadString(); break;
                    case "type": lv.Type = ReadString(); break;
                    case "lps": lv.Lps = ReadInt32(); break;
                    case "ppsByDisk": ReadPpsByDisk(lv.PpsByDisk); break;
                    case "minor": lv.Minor = ReadInt32(); break;
                    case "maxLps": lv.MaxLps = ReadInt32(); break;
                    case "label": lv.Label = ReadNullableString(); break;
                    case "fsSizeBlocks": lv.FsSizeBlocks = ReadInt64(); break;
                    case "fsUsedBlocks": lv.FsUsedBlocks = ReadInt64(); break;
                    case "fsUsedInodes": lv.FsUsedInodes = ReadInt32(); break;
                    case "mirrors": ReadMirrors(lv.Mirrors); break;
                    case "stalePps": lv.StalePps = ReadInt32(); break;
                    case "policies": ReadStringMap(lv.Policies); break;
                    default: _json.Skip(); break;
                }
            }
        }
    }

    private void ReadMirrors(List<SortedDictionary<string, int>> mirrors)
    {
        mirrors.Clear();
        StartArray();
        while (NextItem())
        {
            var copy = new SortedDictionary<string, int>(StringComparer.Ordinal);
            ReadPpsByDisk(copy);
            mirrors.Add(copy);
        }
    }

    private void ReadPpsByDisk(SortedDictionary<string, int> ppsByDisk)
    {
        ppsByDisk.Clear();
        StartObject();
        while (NextProperty(out var disk))
        {
            ppsByDisk[disk] = ReadInt32();
        }
    }

    private void ReadNetworks(List<IpNetwork> networks)
    {
        networks.Clear();
        StartArray();
        while (NextItem())
        {
            var network = new IpNetwork();
            networks.Add(network);
            StartObject();
            while (NextProperty(out var name))
            {
                switch (name)
                {
                    case "name": network.Name = ReadString(); break;
                    case "type": network.Type = ReadString(); break;
                    case "subnets": ReadStrings(network.Subnets); break;
                    case "failed": network.Failed = ReadBoolean(); break;
                    default: _json.Skip(); break;
                }
            }
        }
    }

    private void ReadNonIpLinks(List<NonIpLink> links)
    {
        links.Clear();
        StartArray();
        while (NextItem())
        {
            var link = new NonIpLink();
            links.Add(link);
            StartObject();
            while (NextProperty(out var name))
            {
                switch (name)
                {
                    case "name": link.Name = ReadString(); break;
                    case "type": link.Type = ReadString(); break;
                    case "nodes": ReadStrings(link.Nodes); break;
                    case "device": link.Device = ReadString(); break;
                    case "failed": link.Failed = ReadBoolean(); break;
                    default: _json.Skip(); break;
                }
            }
        }
    }

    private void ReadFaults(List<SimFault> faults)
    {
        faults.Clear();
        StartArray();
        while (NextItem())
        {
            var fault = new SimFault();
            faults.Add(fault);
            StartObject();
            while (NextProperty(out var name))
            {
                switch (name)
                {
                    case "kind": fault.Kind = ReadString(); break;
                    case "target": fault.Target = ReadString(); break;
                    case "since": fault.Since = ReadDateTime(); break;
                    default: _json.Skip(); break;
                }
            }
        }
    }

    private void ReadCluster(ClusterRuntime c)
    {
        StartObject();
        while (NextProperty(out var name))
        {
            switch (name)
            {
                case "mode": c.Mode = ReadString(); break;
                case "queue": ReadQueue(c.Queue); break;
                case "groups": ReadRgStatus(c.Groups); break;
                case "forcedDown": ReadStrings(c.ForcedDown); break;
                case "failedEvent": c.FailedEvent = ReadString(); break;
                case "failedNode": c.FailedNode = ReadString(); break;
                case "failedSince": c.FailedSince = ReadDateTime(); break;
                case "warnings": c.Warnings = ReadInt32(); break;
                case "lastEvent": c.LastEvent = ReadString(); break;
                case "lastEventNode": c.LastEventNode = ReadInt32(); break;
                case "priorityOverride": ReadStringMap(c.PriorityOverride); break;
                case "offlineReasons": ReadStringMap(c.OfflineReasons); break;
                case "detected": ReadStrings(c.Detected); break;
                case "timers": ReadTimers(c.Timers); break;
                case "monitors": ReadMonitors(c.Monitors); break;
                case "heartbeats": ReadHeartbeats(c.Heartbeats); break;
                default: _json.Skip(); break;
            }
        }
    }

    private void ReadQueue(List<QueuedEvent> queue)
    {
        queue.Clear();
        StartArray();
        while (NextItem())
        {
            var e = new QueuedEvent();
            queue.Add(e);
            StartObject();
            while (NextProperty(out var name))
            {
                switch (name)
                {
                    case "name": e.Name = ReadString(); break;
                    case "args": ReadStrings(e.Args); break;
                    case "mode": e.Mode = ReadString(); break;
                    case "group": e.Group = ReadString(); break;
                    case "target": e.Target = ReadString(); break;
                    case "plan": ReadStrings(e.Plan); break;
                    default: _json.Skip(); break;
                }
            }
        }
    }

    private void ReadHeartbeats(List<HeartbeatPath> paths)
    {
        paths.Clear();
        StartArray();
        while (NextItem())
        {
            var h = new HeartbeatPath();
            paths.Add(h);
            StartObject();
            while (NextProperty(out var name))
            {
                switch (name)
                {
                    case "ring": h.Ring = ReadString(); break;
                    case "type": h.Type = ReadString(); break;
                    case "interval": h.Interval = ReadDouble(); break;
                    case "sensitivity": h.Sensitivity = ReadInt32(); break;
                    case "node": h.Node = ReadString(); break;
                    case "adapter": h.Adapter = ReadString(); break;
                    case "address": h.Address = ReadString(); break;
                    case "missed": h.Missed = ReadInt64(); break;
                    case "silent": h.Silent = ReadBoolean(); break;
                    case "since": h.Since = ReadDateTime(); break;
                    default: _json.Skip(); break;
                }
            }
        }
    }

    private void ReadTimers(SortedDictionary<string, DateTime> timers)
    {
        timers.Clear();
        StartObject();
        while (NextProperty(out var name))
        {
            timers[name] = ReadDateTime();
        }
    }

    private void ReadRgStatus(List<RgStatus> groups)
    {
        groups.Clear();
        StartArray();
        while (NextItem())
        {
            var g = new RgStatus();
            groups.Add(g);
            StartObject();
            while (NextProperty(out var name))
            {
                switch (name)
                {
                    case "group": g.Group = ReadString(); break;
                    case "node": g.Node = ReadString(); break;
                    case "state": g.State = ReadString(); break;
                    default: _json.Skip(); break;
                }
            }
        }
    }

    private void ReadMonitors(List<MonitorRun> monitors)
    {
        monitors.Clear();
        StartArray();
        while (NextItem())
        {
            var m = new MonitorRun();
            monitors.Add(m);
            StartObject();
            while (NextProperty(out var name))
            {
                switch (name)
                {
                    case "node": m.Node = ReadString(); break;
                    case "monitor": m.Monitor = ReadString(); break;
                    case "restarts": m.Restarts = ReadInt32(); break;
                    case "lastRestart": m.LastRestart = ReadDateTime(); break;
                    case "state": m.State = ReadString(); break;
                    default: _json.Skip(); break;
                }
            }
        }
    }

    /// <summary>An array of strings into a list or a set.</summary>
    private void ReadStrings(ICollection<string> values)
    {
        values.Clear();
        StartArray();
        while (NextItem())
        {
            values.Add(ReadString());
        }
    }

    /// <summary>An object of strings into a dictionary (the last of a repeated key wins).</summary>
    private void ReadStringMap(SortedDictionary<string, string> map)
    {
        map.Clear();
        StartObject();
        while (NextProperty(out var key))
        {
            map[key] = ReadString();
        }
    }

    // Below, the reader stands on the value to read (for a container, on its start token).

    private void StartObject()
    {
        if (_json.TokenType != JsonTokenType.StartObject)
        {
            throw Error("expected an object");
        }
        _names[_depth] = null;
        _indexes[_depth] = -1;
        _depth++;
    }

    /// <summary>Moves to the value of the next property of the object; false at its end.</summary>
    private bool NextProperty(out string name)
    {
        Next();
        if (_json.TokenType == JsonTokenType.EndObject)
        {
            _depth--;
            name = "";
            return false;
        }
        name = _json.GetString()!;
        _names[_depth - 1] = name;
        Next();
        return true;
    }

    private void StartArray()
    {
        if (_json.TokenType != JsonTokenType.StartArray)
        {
            throw Error("expected an array");
        }
        _names[_depth] = null;
        _indexes[_depth] = -1;
        _depth++;
    }

    /// <summary>Moves to the next item of the array; false at its end.</summary>
    private bool NextItem()
    {
        Next();
        if (_json.TokenType == JsonTokenType.EndArray)
        {
            _depth--;
            return false;
        }
        _indexes[_depth - 1]++;
        return true;
    }

    /// <summary>Moves to the next token, which there must be inside an object or array (at the
    /// end of the data Utf8JsonReader throws first).</summary>
    private void Next()
    {
        if (!_json.Read())
        {
            throw Error("unexpected end of the document");
        }
    }

    private string ReadString() =>
        _json.TokenType == JsonTokenType.String ? _json.GetString()! : throw Error("expected a string");

    private string? ReadNullableString() => _json.TokenType switch
    {
        JsonTokenType.String => _json.GetString(),
        JsonTokenType.Null => null,
        _ => throw Error("expected a string or null"),
    };

    private bool ReadBoolean() => _json.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Error("expected true or false"),
    };

    private int ReadInt32()
    {
        if (_json.TokenType != JsonTokenType.Number)
        {
            throw Error("expected a number");
        }
        return _json.TryGetInt32(out var value) ? value : throw Error("expected a 32-bit integer");
    }

    private double ReadDouble() =>
        _json.TokenType == JsonTokenType.Number && _json.TryGetDouble(out var value) ? value : throw Error("expected a number");

    private int? ReadNullableInt32() => _json.TokenType == JsonTokenType.Null ? null : ReadInt32();

    private long ReadInt64()
    {
        if (_json.TokenType != JsonTokenType.Number)
        {
            throw Error("expected a number");
        }
        return _json.TryGetInt64(out var value) ? value : throw Error("expected a 64-bit integer");
    }

    /// <summary>An ISO 8601 date and time, as <see cref="Utf8JsonReader.GetDateTime"/> reads it.</summary>
    private DateTime ReadDateTime()
    {
        if (_json.TokenType != JsonTokenType.String)
        {
            throw Error("expected a date and time string");
        }
        return _json.TryGetDateTime(out var value) ? value : throw Error("expected an ISO 8601 date and time");
    }

    /// <summary>"world document: nodes[3].interfaces[0].mtu: problem", with the path also in
    /// <see cref="JsonException.Path"/>.</summary>
    private readonly JsonException Error(string problem, Exception? inner = null)
    {
        var path = _within.Length == 0 ? Path() : Path() is { Length: > 0 } here ? _within + (here[0] == '[' ? "" : ".") + here : _within;
        var message = path.Length == 0 ? $"world document: {problem}" : $"world document: {path}: {problem}";
        return new JsonException(message, path, lineNumber: null, bytePositionInLine: null, inner);
    }

    /// <summary>The place being read, as in nodes[3].files['/etc/hosts'].mode.</summary>
    private readonly string Path()
    {
        var path = new StringBuilder();
        for (var i = 0; i < _depth; i++)
        {
            if (_names[i] is { } name)
            {
                if (IsIdentifier(name))
                {
                    path.Append(path.Length == 0 ? "" : ".").Append(name);
                }
                else
                {
                    path.Append("['").Append(name).Append("']");
                }
            }
            else if (_indexes[i] >= 0)
            {
                path.Append('[').Append(_indexes[i].ToString(CultureInfo.InvariantCulture)).Append(']');
            }
        }
        return path.ToString();
    }

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }
        return true;
    }
}
