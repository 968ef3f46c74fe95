Console.WriteLine("probe: not built yet"); return 2;
