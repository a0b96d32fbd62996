Console.WriteLine("Mailing sample: under construction.");
