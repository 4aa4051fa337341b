/* tflink.js placeholder; filled in by the pages work */
