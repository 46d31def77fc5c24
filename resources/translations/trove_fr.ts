<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ApiConfig</name>
    <message>
        <source>an empty origin</source>
        <translation>une origine vide</translation>
    </message>
    <message>
        <source>%1: wildcards are not allowed; name each origin, such as http://localhost:8080</source>
        <translation>%1&#xa0;: les jokers ne sont pas permis&#xa0;; nommez chaque origine, par exemple http://localhost:8080</translation>
    </message>
    <message>
        <source>%1 has no scheme; an origin is scheme://host[:port], such as http://%1</source>
        <translation>%1 n’a pas de schéma&#xa0;; une origine s’écrit schéma://hôte[:port], par exemple http://%1</translation>
    </message>
    <message>
        <source>%1 is not an origin: an origin is scheme://host[:port], with no path, query or user name</source>
        <translation>%1 n’est pas une origine&#xa0;: une origine s’écrit schéma://hôte[:port], sans chemin, requête ni nom d’utilisateur</translation>
    </message>
</context>
<context>
    <name>BlobStore</name>
    <message>
        <source>cannot create folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <source>cannot move blob into place: %1</source>
        <translation>impossible de mettre le blob en place&#xa0;: %1</translation>
    </message>
    <message>
        <source>cannot sync folder %1 to disk</source>
        <translation>impossible de synchroniser le dossier %1 sur le disque</translation>
    </message>
    <message>
        <source>cannot remove blob %1</source>
        <translation>impossible de supprimer le blob %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>cannot export: %1</source>
        <translation>export impossible&#xa0;: %1</translation>
    </message>
    <message>
        <source>cannot export: stored bytes do not match their SHA-256</source>
        <translation>export impossible&#xa0;: les octets stockés ne correspondent pas à leur SHA-256</translation>
    </message>
</context>
<context>
    <name>BodyInflater</name>
    <message>
        <source>the server sent the image encoded as &quot;%1&quot;, which Trove does not decode (it asks for none)</source>
        <translation>le serveur a envoyé l’image encodée en « %1 », que Trove ne décode pas (il n’en demande aucun)</translation>
    </message>
    <message>
        <source>zlib could not start decoding the body</source>
        <translation>zlib n’a pas pu commencer à décoder le contenu</translation>
    </message>
    <message>
        <source>the server&apos;s compressed body is corrupt: %1</source>
        <translation>le contenu compressé du serveur est corrompu : %1</translation>
    </message>
</context>
<context>
    <name>CatalogReader</name>
    <message>
        <source>no image with key %1</source>
        <translation>aucune image avec la clé %1</translation>
    </message>
    <message>
        <source>the smart collection “%1” refers to itself</source>
        <translation>la collection intelligente «&#xa0;%1&#xa0;» fait référence à elle-même</translation>
    </message>
</context>
<context>
    <name>CatalogSalvage</name>
    <message>
        <source>%1: unreadable (%2)</source>
        <translation>%1&#xa0;: illisible (%2)</translation>
    </message>
    <message>
        <source>%1: gave up after key %2 (%3)</source>
        <translation>%1&#xa0;: abandon après la clé %2 (%3)</translation>
    </message>
    <message>
        <source>%1: unreadable after key %2 (%3)</source>
        <translation>%1&#xa0;: illisible après la clé %2 (%3)</translation>
    </message>
    <message>
        <source>%1: stepped over an unreadable stretch of keys %2 to %3 (%4)</source>
        <translation>%1&#xa0;: plage illisible des clés %2 à %3 ignorée (%4)</translation>
    </message>
    <message>
        <source>catalog: cannot be opened (%1)</source>
        <translation>catalogue&#xa0;: ouverture impossible (%1)</translation>
    </message>
    <message>
        <source>library %1 is read-only: %2</source>
        <translation>la bibliothèque %1 est en lecture seule&#xa0;: %2</translation>
    </message>
    <message>
        <source>Reading what the damaged catalog still holds</source>
        <translation>Lecture de ce que le catalogue endommagé contient encore</translation>
    </message>
    <message>
        <source>Rebuilding images from their stored files</source>
        <translation>Reconstruction des images à partir de leurs fichiers stockés</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>%1 est manquant</translation>
    </message>
    <message numerus="yes">
        <source>; and %n more</source>
        <translation>
            <numerusform>; et %n autre</numerusform>
            <numerusform>; et %n autres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Collections</name>
    <message>
        <source>a collection needs a name</source>
        <translation>une collection doit avoir un nom</translation>
    </message>
    <message>
        <source>a collection name cannot contain &quot;</source>
        <translation>un nom de collection ne peut pas contenir &quot;</translation>
    </message>
    <message>
        <source>a collection name is at most %1 characters</source>
        <translation>un nom de collection compte au plus %1 caractères</translation>
    </message>
    <message>
        <source>no collection named “%1”</source>
        <translation>aucune collection nommée «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>“%1” is a smart collection (a saved search): images are not added to it or ordered by hand</source>
        <translation>«&#xa0;%1&#xa0;» est une collection intelligente (une recherche enregistrée)&#xa0;: on n’y ajoute pas d’images et on ne les y ordonne pas à la main</translation>
    </message>
    <message>
        <source>a smart collection needs a search</source>
        <translation>une collection intelligente doit avoir une recherche</translation>
    </message>
    <message>
        <source>a collection named “%1” exists already</source>
        <translation>une collection nommée «&#xa0;%1&#xa0;» existe déjà</translation>
    </message>
    <message>
        <source>that image is not in “%1”</source>
        <translation>cette image n’est pas dans «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>a smart collection cannot name itself (in:%1)</source>
        <translation>une collection intelligente ne peut pas se nommer elle-même (in:%1)</translation>
    </message>
    <message>
        <source>“%1” names “%2”, which names it back</source>
        <translation>«&#xa0;%1&#xa0;» nomme «&#xa0;%2&#xa0;», qui le nomme en retour</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <source>the disk is full (%1)</source>
        <translation>le disque est plein (%1)</translation>
    </message>
    <message>
        <source>database error: %1</source>
        <translation>erreur de base de données&#xa0;: %1</translation>
    </message>
    <message>
        <source>cannot move %1 aside to %2</source>
        <translation>impossible de mettre %1 de côté dans %2</translation>
    </message>
    <message>
        <source>%1 is damaged (%2)</source>
        <translation>%1 est endommagé (%2)</translation>
    </message>
    <message>
        <source>library %1 is read-only: %2</source>
        <translation>la bibliothèque %1 est en lecture seule&#xa0;: %2</translation>
    </message>
    <message>
        <source>the Qt SQLite driver (QSQLITE) is not installed</source>
        <translation>le pilote SQLite de Qt (QSQLITE) n’est pas installé</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>impossible d’ouvrir %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>library %1 is read-only and has no catalog (%2)</source>
        <translation>la bibliothèque %1 est en lecture seule et n’a pas de catalogue (%2)</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 was written by a newer Trove (schema %2; this build knows %3)</source>
        <translation>%1 a été écrit par une version plus récente de Trove (schéma %2&#xa0;; cette version connaît le %3)</translation>
    </message>
    <message>
        <source>%1 is read-only and was written by an older Trove (schema %2); open it once where it can be written to upgrade it</source>
        <translation>%1 est en lecture seule et a été écrit par une version plus ancienne de Trove (schéma %2)&#xa0;; ouvrez-le une fois là où il peut être modifié pour le mettre à niveau</translation>
    </message>
    <message>
        <source>cannot switch %1 to %2: %3</source>
        <translation>impossible de passer %1 en %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>cannot upgrade %1 to schema %2: %3</source>
        <translation>impossible de mettre %1 à niveau vers le schéma %2&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>DiskSpace</name>
    <message>
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
    </message>
    <message>
        <source>free space unknown</source>
        <translation>espace libre inconnu</translation>
    </message>
    <message>
        <source>%1 free</source>
        <translation>%1 libres</translation>
    </message>
    <message>
        <source>no space left on %1: %2</source>
        <translation>plus d’espace sur %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>no space left on %1: %2, this image needs %3</source>
        <translation>plus d’espace sur %1&#xa0;: %2, cette image nécessite %3</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Images (%1)</source>
        <translation>Images (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>FolderWalker</name>
    <message>
        <source>cannot read: %1</source>
        <translation>lecture impossible&#xa0;: %1</translation>
    </message>
    <message>
        <source>symbolic link loop back to %1</source>
        <translation>boucle de lien symbolique vers %1</translation>
    </message>
    <message>
        <source>not a folder</source>
        <translation>n’est pas un dossier</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>fichier ou dossier introuvable</translation>
    </message>
    <message>
        <source>cannot follow symbolic link to %1</source>
        <translation>impossible de suivre le lien symbolique vers %1</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>permission refusée</translation>
    </message>
    <message>
        <source>input/output error</source>
        <translation>erreur d’entrée/sortie</translation>
    </message>
    <message>
        <source>cannot open folder: %1</source>
        <translation>impossible d’ouvrir le dossier&#xa0;: %1</translation>
    </message>
    <message>
        <source>cannot list folder: %1</source>
        <translation>impossible de lister le dossier&#xa0;: %1</translation>
    </message>
    <message>
        <source>the name is not valid UTF-8: rename it to add it</source>
        <translation>le nom n’est pas de l’UTF-8 valide&#xa0;: renommez-le pour l’ajouter</translation>
    </message>
</context>
<context>
    <name>GzipCodec</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>zlib could not start compressing</source>
        <translation>zlib n’a pas pu démarrer la compression</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>zlib failed while compressing</source>
        <translation>échec de zlib pendant la compression</translation>
    </message>
    <message>
        <source>cannot sync %1 to disk</source>
        <translation>impossible de synchroniser %1 sur le disque</translation>
    </message>
    <message>
        <source>zlib could not start decompressing</source>
        <translation>zlib n’a pas pu démarrer la décompression</translation>
    </message>
    <message>
        <source>truncated gzip data</source>
        <translation>données gzip tronquées</translation>
    </message>
    <message>
        <source>CRC mismatch</source>
        <translation>CRC incorrect</translation>
    </message>
    <message>
        <source>corrupt gzip data (%1)</source>
        <translation>données gzip corrompues (%1)</translation>
    </message>
    <message>
        <source>corrupt gzip data</source>
        <translation>données gzip corrompues</translation>
    </message>
    <message>
        <source>unexpected data after the gzip member</source>
        <translation>données inattendues après le membre gzip</translation>
    </message>
    <message>
        <source>image too large to load (%1 bytes)</source>
        <translation>image trop grande pour être chargée (%1 octets)</translation>
    </message>
</context>
<context>
    <name>HelpDialogs</name>
    <message>
        <source>About Trove</source>
        <translation>À propos de Trove</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Trove %1&lt;/h3&gt;&lt;p&gt;Collect images from the web into a fast local gallery.&lt;/p&gt;&lt;p&gt;Paste or drop image links, files or pictures from a browser; Trove downloads them in the background, keeps the original bytes losslessly compressed and shows them as a searchable gallery.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Trove %1&lt;/h3&gt;&lt;p&gt;Rassemblez des images du Web dans une galerie locale rapide.&lt;/p&gt;&lt;p&gt;Collez ou déposez des liens d’images, des fichiers ou des images venant d’un navigateur&#xa0;; Trove les télécharge en arrière-plan, conserve les octets d’origine compressés sans perte et les présente dans une galerie où chercher.&lt;/p&gt;&lt;p&gt;Compilé avec Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Ctrl+V</source>
        <translation>Ctrl+V</translation>
    </message>
    <message>
        <source>Add the links, files or image on the clipboard</source>
        <translation>Ajouter les liens, fichiers ou l’image du presse-papiers</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>Add image files</source>
        <translation>Ajouter des fichiers image</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>Search (type tag:name for one tag)</source>
        <translation>Rechercher (tapez tag:nom pour une étiquette)</translation>
    </message>
    <message>
        <source>Enter, double-click</source>
        <translation>Entrée, double-clic</translation>
    </message>
    <message>
        <source>Open the image</source>
        <translation>Ouvrir l’image</translation>
    </message>
    <message>
        <source>Ctrl+C</source>
        <translation>Ctrl+C</translation>
    </message>
    <message>
        <source>Copy the image</source>
        <translation>Copier l’image</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Maj+C</translation>
    </message>
    <message>
        <source>Copy the source link</source>
        <translation>Copier le lien source</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export the original</source>
        <translation>Exporter l’original</translation>
    </message>
    <message>
        <source>F2</source>
        <translation>F2</translation>
    </message>
    <message>
        <source>Edit name and tags</source>
        <translation>Modifier le nom et les étiquettes</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Suppr</translation>
    </message>
    <message>
        <source>Remove the selected images (in the queue: cancel)</source>
        <translation>Supprimer les images sélectionnées (dans la file&#xa0;: annuler)</translation>
    </message>
    <message>
        <source>Ctrl+A</source>
        <translation>Ctrl+A</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Tout sélectionner</translation>
    </message>
    <message>
        <source>Ctrl++ or Ctrl+=, Ctrl+-</source>
        <translation>Ctrl++ ou Ctrl+=, Ctrl+-</translation>
    </message>
    <message>
        <source>Larger or smaller thumbnails</source>
        <translation>Vignettes plus grandes ou plus petites</translation>
    </message>
    <message>
        <source>Shift+arrows, Shift+click</source>
        <translation>Maj+flèches, Maj+clic</translation>
    </message>
    <message>
        <source>Extend the selection in reading order</source>
        <translation>Étendre la sélection dans l’ordre de lecture</translation>
    </message>
    <message>
        <source>Escape</source>
        <translation>Échap</translation>
    </message>
    <message>
        <source>Clear the search, then the selection</source>
        <translation>Effacer la recherche, puis la sélection</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Library statistics</source>
        <translation>Statistiques de la bibliothèque</translation>
    </message>
    <message>
        <source>In the viewer</source>
        <translation>Dans la visionneuse</translation>
    </message>
    <message>
        <source>Right, Page Down, Space</source>
        <translation>Droite, Page suivante, Espace</translation>
    </message>
    <message>
        <source>Next image</source>
        <translation>Image suivante</translation>
    </message>
    <message>
        <source>Left, Page Up</source>
        <translation>Gauche, Page précédente</translation>
    </message>
    <message>
        <source>Previous image</source>
        <translation>Image précédente</translation>
    </message>
    <message>
        <source>+, -, wheel</source>
        <translation>+, -, molette</translation>
    </message>
    <message>
        <source>Zoom in, out</source>
        <translation>Zoom avant, arrière</translation>
    </message>
    <message>
        <source>Fit to window, 100 %, fit width</source>
        <translation>Ajuster à la fenêtre, 100 %, ajuster à la largeur</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Plein écran</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Slideshow (any key or click stops it)</source>
        <translation>Diaporama (une touche ou un clic l’arrête)</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>Pause or play an animation</source>
        <translation>Mettre en pause ou lire une animation</translation>
    </message>
    <message>
        <source>, .</source>
        <translation>, .</translation>
    </message>
    <message>
        <source>Previous or next frame of an animation</source>
        <translation>Image précédente ou suivante d’une animation</translation>
    </message>
    <message>
        <source>R, Shift+R</source>
        <translation>R, Maj+R</translation>
    </message>
    <message>
        <source>Turn the picture (for display only)</source>
        <translation>Faire pivoter l’image (affichage seulement)</translation>
    </message>
    <message>
        <source>Leave full screen, then back to the gallery</source>
        <translation>Quitter le plein écran, puis revenir à la galerie</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>red forest</source>
        <translation>red forest</translation>
    </message>
    <message>
        <source>Both words, each in the name, a tag or a source site</source>
        <translation>Les deux mots, chacun dans le nom, une étiquette ou le site source</translation>
    </message>
    <message>
        <source>&quot;red forest&quot;</source>
        <translation>&quot;red forest&quot;</translation>
    </message>
    <message>
        <source>The words together, as typed</source>
        <translation>Les mots ensemble, tels que tapés</translation>
    </message>
    <message>
        <source>tag:nature</source>
        <translation>tag:nature</translation>
    </message>
    <message>
        <source>Tagged nature (any case); tag:&quot;two words&quot; for a tag with spaces</source>
        <translation>Avec l’étiquette nature (majuscules ou minuscules)&#xa0;; tag:&quot;two words&quot; pour une étiquette contenant des espaces</translation>
    </message>
    <message>
        <source>-tag:nature, NOT tag:nature</source>
        <translation>-tag:nature, NOT tag:nature</translation>
    </message>
    <message>
        <source>Without the tag nature; a minus excludes any term</source>
        <translation>Sans l’étiquette nature&#xa0;; un signe moins exclut n’importe quel terme</translation>
    </message>
    <message>
        <source>cat OR dog</source>
        <translation>cat OR dog</translation>
    </message>
    <message>
        <source>Either (OR in capitals)</source>
        <translation>L’un ou l’autre (OR en majuscules)</translation>
    </message>
    <message>
        <source>(cat OR dog) -tag:sketch</source>
        <translation>(cat OR dog) -tag:sketch</translation>
    </message>
    <message>
        <source>Parentheses group terms</source>
        <translation>Les parenthèses regroupent des termes</translation>
    </message>
    <message>
        <source>untagged</source>
        <translation>untagged</translation>
    </message>
    <message>
        <source>Images with no tag</source>
        <translation>Images sans étiquette</translation>
    </message>
    <message>
        <source>site:example.com</source>
        <translation>site:example.com</translation>
    </message>
    <message>
        <source>From example.com or any of its subdomains</source>
        <translation>De example.com ou de l’un de ses sous-domaines</translation>
    </message>
    <message>
        <source>format:png</source>
        <translation>format:png</translation>
    </message>
    <message>
        <source>By format: png, jpeg (or jpg), gif, webp, heic, svg (svgz too), …</source>
        <translation>Par format&#xa0;: png, jpeg (ou jpg), gif, webp, heic, svg (svgz aussi), …</translation>
    </message>
    <message>
        <source>width:&gt;1000, height:&lt;=200</source>
        <translation>width:&gt;1000, height:&lt;=200</translation>
    </message>
    <message>
        <source>By size in pixels: &lt;, &lt;=, =, &gt;=, &gt;</source>
        <translation>Par taille en pixels&#xa0;: &lt;, &lt;=, =, &gt;=, &gt;</translation>
    </message>
    <message>
        <source>pixels:&gt;2M</source>
        <translation>pixels:&gt;2M</translation>
    </message>
    <message>
        <source>By width × height; K and M for thousands and millions</source>
        <translation>Par largeur × hauteur&#xa0;; K et M pour milliers et millions</translation>
    </message>
    <message>
        <source>size:&gt;1MB</source>
        <translation>size:&gt;1MB</translation>
    </message>
    <message>
        <source>By file size; KB, MB and GB count in 1024s</source>
        <translation>Par taille de fichier&#xa0;; KB, MB et GB se comptent par multiples de 1024</translation>
    </message>
    <message>
        <source>added:2026-11</source>
        <translation>added:2026-11</translation>
    </message>
    <message>
        <source>Added in that month; also a year or a day</source>
        <translation>Ajoutées ce mois-là&#xa0;; aussi une année ou un jour</translation>
    </message>
    <message>
        <source>added:&gt;2026-11-20</source>
        <translation>added:&gt;2026-11-20</translation>
    </message>
    <message>
        <source>Added after that day; &lt;, &lt;=, &gt;= too</source>
        <translation>Ajoutées après ce jour&#xa0;; &lt;, &lt;=, &gt;= aussi</translation>
    </message>
    <message>
        <source>added:2026-11-01..2026-11-15</source>
        <translation>added:2026-11-01..2026-11-15</translation>
    </message>
    <message>
        <source>Added in that range, both days included</source>
        <translation>Ajoutées dans cet intervalle, les deux jours inclus</translation>
    </message>
    <message>
        <source>Terms separated by spaces must all match. A search Trove cannot read is explained under the search box.</source>
        <translation>Les termes séparés par des espaces doivent tous correspondre. Si Trove ne peut pas lire une recherche, l’explication s’affiche sous le champ de recherche.</translation>
    </message>
    <message>
        <source>The same search works in &quot;trove list --search&quot; and in the local API&apos;s search=.</source>
        <translation>La même recherche fonctionne dans «&#xa0;trove list --search&#xa0;» et dans le paramètre search= de l’API locale.</translation>
    </message>
    <message>
        <source>Search Syntax</source>
        <translation>Syntaxe de recherche</translation>
    </message>
    <message>
        <source>1 to 5, 0</source>
        <translation>1 à 5, 0</translation>
    </message>
    <message>
        <source>Rate the selected images, or clear their rating</source>
        <translation>Noter les images sélectionnées ou effacer leur note</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>Mark or unmark the selected images as favourites</source>
        <translation>Ajouter les images sélectionnées aux favoris ou les en retirer</translation>
    </message>
    <message>
        <source>Ctrl+0, Ctrl+1, W</source>
        <translation>Ctrl+0, Ctrl+1, W</translation>
    </message>
    <message>
        <source>F11, double-click</source>
        <translation>F11, double-clic</translation>
    </message>
    <message>
        <source>rating:&gt;=4, rating:3, rating:&lt;2</source>
        <translation>rating:&gt;=4, rating:3, rating:&lt;2</translation>
    </message>
    <message>
        <source>By rating, 0 (not rated) to 5 stars: &lt;, &lt;=, =, &gt;=, &gt;</source>
        <translation>Par note, de 0 (sans note) à 5 étoiles&#xa0;: &lt;, &lt;=, =, &gt;=, &gt;</translation>
    </message>
    <message>
        <source>fav</source>
        <translation>fav</translation>
    </message>
    <message>
        <source>Favourites only; -fav for the others</source>
        <translation>Favoris seulement&#xa0;; -fav pour les autres</translation>
    </message>
    <message>
        <source>in:&quot;holiday 2026&quot;</source>
        <translation>in:&quot;holiday 2026&quot;</translation>
    </message>
    <message>
        <source>&quot;say \&quot;hi\&quot;&quot;, tag:&quot;C:\\photos&quot;</source>
        <translation>&quot;say \&quot;hi\&quot;&quot;, tag:&quot;C:\\photos&quot;</translation>
    </message>
    <message>
        <source>Inside quotes, \&quot; is a quote and \\ a backslash</source>
        <translation>Entre guillemets, \&quot; est un guillemet et \\ une barre oblique inversée</translation>
    </message>
    <message>
        <source>F2 in the Collections dock</source>
        <translation>F2 dans le panneau Collections</translation>
    </message>
    <message>
        <source>Rename the collection (undo with Ctrl+Z)</source>
        <translation>Renommer la collection (annuler avec Ctrl+Z)</translation>
    </message>
    <message>
        <source>Drag in Collection order</source>
        <translation>Glisser dans l’ordre de la collection</translation>
    </message>
    <message>
        <source>Move the selected images between others in the collection shown (undo with Ctrl+Z)</source>
        <translation>Déplacer les images sélectionnées entre d’autres dans la collection affichée (annuler avec Ctrl+Z)</translation>
    </message>
    <message>
        <source>In that collection (any case); a smart collection finds what its saved search finds. Alone, a hand-made one can be sorted by Collection order (its own order: drag to reorder)</source>
        <translation>Dans cette collection (majuscules ou minuscules) ; une collection intelligente trouve ce que trouve sa recherche enregistrée. Seule, une collection faite à la main peut être triée par ordre de la collection (son propre ordre : glisser pour réordonner)</translation>
    </message>
    <message>
        <source>F8</source>
        <translation>F8</translation>
    </message>
    <message>
        <source>Show the next item in the queue that failed</source>
        <translation>Afficher l’élément suivant en échec dans la file</translation>
    </message>
</context>
<context>
    <name>ImageProcessor</name>
    <message>
        <source>cannot decode image: %1</source>
        <translation>impossible de décoder l’image&#xa0;: %1</translation>
    </message>
    <message>
        <source>unsupported or corrupt image (%1): %2</source>
        <translation>image non prise en charge ou corrompue (%1)&#xa0;: %2</translation>
    </message>
    <message>
        <source>image too large: %1x%2</source>
        <translation>image trop grande&#xa0;: %1×%2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>empty file: no image data</source>
        <translation>fichier vide&#xa0;: aucune donnée d’image</translation>
    </message>
    <message>
        <source>unsupported or corrupt image (%1)</source>
        <translation>image non prise en charge ou corrompue (%1)</translation>
    </message>
    <message>
        <source>not an image (%1)</source>
        <translation>pas une image (%1)</translation>
    </message>
    <message>
        <source>SVG too large: %1 bytes</source>
        <translation>SVG trop grand&#xa0;: %1 octets</translation>
    </message>
    <message>
        <source>truncated image (%1)</source>
        <translation>image tronquée (%1)</translation>
    </message>
    <message>
        <source>unsupported or corrupt image (png): the image data is not zlib data</source>
        <translation>image non prise en charge ou corrompue (png)&#xa0;: les données de l’image ne sont pas des données zlib</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>SVG too large: more than %1 bytes uncompressed</source>
        <translation>SVG trop grand&#xa0;: plus de %1 octets une fois décompressé</translation>
    </message>
</context>
<context>
    <name>IngestSource</name>
    <message>
        <source>image</source>
        <translation>image</translation>
    </message>
    <message>
        <source>empty source</source>
        <translation>source vide</translation>
    </message>
    <message>
        <source>not a valid file URL: %1</source>
        <translation>URL de fichier non valide&#xa0;: %1</translation>
    </message>
    <message>
        <source>not a valid URL: %1</source>
        <translation>URL non valide&#xa0;: %1</translation>
    </message>
    <message>
        <source>URL has no host: %1</source>
        <translation>l’URL n’a pas d’hôte&#xa0;: %1</translation>
    </message>
    <message>
        <source>unsupported URL scheme: %1</source>
        <translation>schéma d’URL non pris en charge&#xa0;: %1</translation>
    </message>
    <message>
        <source>not a URL or an existing file: %1</source>
        <translation>ni une URL ni un fichier existant&#xa0;: %1</translation>
    </message>
    <message>
        <source>no such file: %1</source>
        <translation>fichier introuvable&#xa0;: %1</translation>
    </message>
    <message>
        <source>not a file: %1</source>
        <translation>n’est pas un fichier&#xa0;: %1</translation>
    </message>
    <message>
        <source>cannot read %1: permission denied</source>
        <translation>impossible de lire %1&#xa0;: permission refusée</translation>
    </message>
    <message>
        <source>a data: URL needs a comma before its bytes</source>
        <translation>une URL data: a besoin d’une virgule avant ses octets</translation>
    </message>
    <message>
        <source>the bytes of a data: URL are not valid base64</source>
        <translation>les octets d’une URL data: ne sont pas du base64 valide</translation>
    </message>
</context>
<context>
    <name>KeepBest</name>
    <message>
        <source>Keeps the image with the most pixels, then the best format (PNG, TIFF, BMP, JPEG XL, WebP, AVIF, HEIF, JPEG 2000, JPEG, GIF), then the oldest.</source>
        <translation>Garde l’image qui a le plus de pixels, puis le meilleur format (PNG, TIFF, BMP, JPEG XL, WebP, AVIF, HEIF, JPEG 2000, JPEG, GIF), puis la plus ancienne.</translation>
    </message>
</context>
<context>
    <name>LibraryAccess</name>
    <message>
        <source>the file system is mounted read-only</source>
        <translation>le système de fichiers est monté en lecture seule</translation>
    </message>
    <message>
        <source>no permission to write %1 (%2)</source>
        <translation>pas la permission d’écrire dans %1 (%2)</translation>
    </message>
    <message>
        <source>no permission to write %1</source>
        <translation>pas la permission d’écrire dans %1</translation>
    </message>
    <message>
        <source>library %1 is on a network drive (%2): Trove keeps a rollback journal there instead of WAL; do not open it from two computers at once</source>
        <translation>la bibliothèque %1 est sur un lecteur réseau (%2)&#xa0;: Trove y tient un journal de retour arrière au lieu du WAL&#xa0;; ne l’ouvrez pas depuis deux ordinateurs à la fois</translation>
    </message>
</context>
<context>
    <name>LibraryBackup</name>
    <message>
        <source>cannot create folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <source>cannot move %1 into place: %2</source>
        <translation>impossible de mettre %1 en place&#xa0;: %2</translation>
    </message>
    <message>
        <source>cannot copy %1: %2</source>
        <translation>impossible de copier %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>cannot open the copy %1: %2</source>
        <translation>impossible d’ouvrir la copie %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>cannot prepare the copy: %1</source>
        <translation>impossible de préparer la copie&#xa0;: %1</translation>
    </message>
    <message>
        <source>cannot read the copy: %1</source>
        <translation>impossible de lire la copie&#xa0;: %1</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>cannot sync %1 to disk</source>
        <translation>impossible de synchroniser %1 sur le disque</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>a blob vanished while it was copied</source>
        <translation>un blob a disparu pendant sa copie</translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 n’est pas un dossier</translation>
    </message>
    <message>
        <source>the backup in %1 is unfinished (it was interrupted): run it again</source>
        <translation>la sauvegarde dans %1 est inachevée (elle a été interrompue)&#xa0;: relancez-la</translation>
    </message>
    <message>
        <source>%1 holds no backup (no catalog.sqlite)</source>
        <translation>%1 ne contient aucune sauvegarde (pas de catalog.sqlite)</translation>
    </message>
    <message>
        <source>no library in %1</source>
        <translation>aucune bibliothèque dans %1</translation>
    </message>
    <message>
        <source>a backup goes outside the library, not into it</source>
        <translation>une sauvegarde va hors de la bibliothèque, pas dedans</translation>
    </message>
    <message>
        <source>%1 is neither empty nor a Trove backup</source>
        <translation>%1 n’est ni vide ni une sauvegarde de Trove</translation>
    </message>
    <message>
        <source>the library kept changing under the backup (blobs removed while it copied): run it again</source>
        <translation>la bibliothèque a changé pendant la sauvegarde (des blobs ont été supprimés pendant la copie)&#xa0;: relancez-la</translation>
    </message>
    <message>
        <source>%1 holds a catalog that cannot be read, so it is not written over: %2</source>
        <translation>%1 contient un catalogue illisible&#xa0;; il n’est donc pas écrasé&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 holds another library or a backup of another library: back up into an empty folder or into an earlier backup of this library</source>
        <translation>%1 contient une autre bibliothèque ou la sauvegarde d’une autre bibliothèque&#xa0;: sauvegardez dans un dossier vide ou dans une sauvegarde antérieure de cette bibliothèque</translation>
    </message>
    <message>
        <source>cannot back up %1: %2</source>
        <translation>impossible de sauvegarder %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>LibraryMove</name>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>impossible d’ouvrir %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>the library changed while it was copied (images were added or edited meanwhile): try again once nothing writes to it</source>
        <translation>la bibliothèque a changé pendant la copie (des images ont été ajoutées ou modifiées entre-temps)&#xa0;: réessayez quand plus rien n’y écrit</translation>
    </message>
    <message>
        <source>the copy holds %1 images, the library %2</source>
        <translation>la copie contient %1 images, la bibliothèque %2</translation>
    </message>
    <message>
        <source>the copy of %1 is missing or incomplete</source>
        <translation>la copie de %1 est manquante ou incomplète</translation>
    </message>
    <message>
        <source>cannot copy %1 to %2</source>
        <translation>impossible de copier %1 vers %2</translation>
    </message>
    <message>
        <source>the library is already in %1</source>
        <translation>la bibliothèque est déjà dans %1</translation>
    </message>
    <message>
        <source>%1 is inside the library: choose a folder outside it</source>
        <translation>%1 est dans la bibliothèque&#xa0;: choisissez un dossier en dehors de celle-ci</translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 n’est pas un dossier</translation>
    </message>
    <message>
        <source>%1 is not empty: choose an empty folder or a new one</source>
        <translation>%1 n’est pas vide&#xa0;: choisissez un dossier vide ou un nouveau dossier</translation>
    </message>
    <message>
        <source>not enough free space in %1: the library needs %2, %3 free</source>
        <translation>pas assez d’espace libre dans %1&#xa0;: la bibliothèque a besoin de %2, %3 libres</translation>
    </message>
    <message>
        <source>no library in %1</source>
        <translation>aucune bibliothèque dans %1</translation>
    </message>
</context>
<context>
    <name>LibraryPaths</name>
    <message>
        <source>no library folder given</source>
        <translation>aucun dossier de bibliothèque indiqué</translation>
    </message>
    <message>
        <source>library path %1 is not a folder</source>
        <translation>le chemin de bibliothèque %1 n’est pas un dossier</translation>
    </message>
    <message>
        <source>cannot create folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <source>%1 is a file, where the library&apos;s folder should be: move it away or run `trove verify --repair`</source>
        <translation>%1 est un fichier, là où le dossier de la bibliothèque devrait être : déplacez-le ou lancez `trove verify --repair`</translation>
    </message>
    <message>
        <source>cannot move %1 aside</source>
        <translation>impossible de mettre %1 de côté</translation>
    </message>
</context>
<context>
    <name>PictureDecoder</name>
    <message>
        <source>ISO %1</source>
        <translation>ISO %1</translation>
    </message>
</context>
<context>
    <name>SearchLanguage</name>
    <message>
        <source>nothing to exclude after &quot;-&quot;; write -word or -tag:name</source>
        <translation>rien à exclure après «&#xa0;-&#xa0;»&#xa0;; écrivez -mot ou -tag:nom</translation>
    </message>
    <message>
        <source>a quote opened here is never closed</source>
        <translation>un guillemet ouvert ici n’est jamais fermé</translation>
    </message>
    <message>
        <source>this closing parenthesis has no opening one</source>
        <translation>cette parenthèse fermante n’a pas de parenthèse ouvrante</translation>
    </message>
    <message>
        <source>OR needs a term on each side</source>
        <translation>OR nécessite un terme de chaque côté</translation>
    </message>
    <message>
        <source>AND needs a term on each side</source>
        <translation>AND nécessite un terme de chaque côté</translation>
    </message>
    <message>
        <source>nothing to exclude after NOT</source>
        <translation>rien à exclure après NOT</translation>
    </message>
    <message>
        <source>empty parentheses</source>
        <translation>parenthèses vides</translation>
    </message>
    <message>
        <source>this opening parenthesis is never closed</source>
        <translation>cette parenthèse ouvrante n’est jamais fermée</translation>
    </message>
    <message>
        <source>empty quotes</source>
        <translation>guillemets vides</translation>
    </message>
    <message>
        <source>%1: expects a number of pixels, e.g. %1:&gt;1000</source>
        <translation>%1: attend un nombre de pixels, p. ex. %1:&gt;1000</translation>
    </message>
    <message>
        <source>unknown predicate %1:; did you mean %2:?</source>
        <translation>prédicat inconnu %1:&#xa0;; vouliez-vous dire %2:&#xa0;?</translation>
    </message>
    <message>
        <source>%1: needs a value, e.g. %2</source>
        <translation>%1: nécessite une valeur, p. ex. %2</translation>
    </message>
    <message>
        <source>rating: expects a whole number from 0 to 5, e.g. rating:&gt;=4</source>
        <translation>rating: attend un nombre entier de 0 à 5, p. ex. rating:&gt;=4</translation>
    </message>
    <message>
        <source>size: expects a number of bytes, e.g. size:&gt;1MB or size:&lt;=500KB</source>
        <translation>size: attend un nombre d’octets, p. ex. size:&gt;1MB ou size:&lt;=500KB</translation>
    </message>
    <message>
        <source>pixels: expects a number of pixels, e.g. pixels:&gt;2M</source>
        <translation>pixels: attend un nombre de pixels, p. ex. pixels:&gt;2M</translation>
    </message>
    <message>
        <source>added: expects a date: added:2026-11, added:&gt;2026-11-20 or added:2026-11-01..2026-11-15</source>
        <translation>added: attend une date&#xa0;: added:2026-11, added:&gt;2026-11-20 ou added:2026-11-01..2026-11-15</translation>
    </message>
    <message>
        <source>added: the range ends before it starts</source>
        <translation>added: l’intervalle se termine avant de commencer</translation>
    </message>
    <message>
        <source>a quote opened here is never closed (inside quotes \&quot; is a quote in the text; write \\ for a backslash)</source>
        <translation>un guillemet ouvert ici n’est jamais fermé (entre guillemets, \&quot; est un guillemet du texte&#xa0;; écrivez \\ pour une barre oblique inversée)</translation>
    </message>
    <message>
        <source>unknown predicate %1:; known are %2 (put text in quotes to search for it as it is)</source>
        <translation>prédicat inconnu %1:&#xa0;; les prédicats connus sont %2 (mettez un texte entre guillemets pour le rechercher tel quel)</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <extracomment>The last two of a list: &quot;tag:, site:, … in:, untagged and fav&quot;</extracomment>
        <translation>%1 et %2</translation>
    </message>
    <message>
        <source>format: %1 is not an image format Trove reads; did you mean format:%2?</source>
        <translation>format: %1 n’est pas un format d’image que Trove lit&#xa0;; vouliez-vous dire format:%2&#xa0;?</translation>
    </message>
    <message>
        <source>format: %1 is not an image format Trove reads (it reads %2)</source>
        <translation>format: %1 n’est pas un format d’image que Trove lit (il lit %2)</translation>
    </message>
</context>
<context>
    <name>trove::CatalogWriter</name>
    <message>
        <source>removed on %1</source>
        <translation>supprimée le %1</translation>
    </message>
    <message>
        <source>a name cannot be empty</source>
        <translation>un nom ne peut pas être vide</translation>
    </message>
    <message>
        <source>no image %1 with that SHA-256</source>
        <translation>aucune image %1 avec ce SHA-256</translation>
    </message>
    <message>
        <source>nothing to merge into the image</source>
        <translation>rien à fusionner dans l’image</translation>
    </message>
    <message>
        <source>an image cannot be merged into itself</source>
        <translation>une image ne peut pas être fusionnée avec elle-même</translation>
    </message>
    <message>
        <source>image %1 is not in the library</source>
        <translation>l’image %1 n’est pas dans la bibliothèque</translation>
    </message>
    <message>
        <source>a tag cannot be empty</source>
        <translation>une étiquette ne peut pas être vide</translation>
    </message>
</context>
<context>
    <name>trove::CatalogWriterWorker</name>
    <message>
        <source>the library is not open</source>
        <translation>la bibliothèque n’est pas ouverte</translation>
    </message>
    <message>
        <source>the library is busy or read-only</source>
        <translation>la bibliothèque est occupée ou en lecture seule</translation>
    </message>
    <message>
        <source>cannot sync %1 to disk</source>
        <translation>impossible de synchroniser %1 sur le disque</translation>
    </message>
</context>
<context>
    <name>trove::DuplicatesModel</name>
    <message numerus="yes">
        <source>%Ln image(s)</source>
        <translation>
            <numerusform>%Ln image</numerusform>
            <numerusform>%Ln images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::FetchWorker</name>
    <message>
        <source>unsupported URL scheme: %1</source>
        <translation>schéma d’URL non pris en charge&#xa0;: %1</translation>
    </message>
    <message>
        <source>cannot write a temp file: %1</source>
        <translation>impossible d’écrire un fichier temporaire&#xa0;: %1</translation>
    </message>
    <message>
        <source>timed out after %1 without data</source>
        <translation>délai dépassé après %1 sans données</translation>
    </message>
    <message>
        <source>timed out after %1</source>
        <translation>délai dépassé après %1</translation>
    </message>
    <message>
        <source>redirect to a refused scheme: %1</source>
        <translation>redirection vers un schéma refusé&#xa0;: %1</translation>
    </message>
    <message>
        <source>redirect loop at %1</source>
        <translation>boucle de redirection à %1</translation>
    </message>
    <message>
        <source>too many redirects (more than %1)</source>
        <translation>trop de redirections (plus de %1)</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>too large: the server announces %1, the limit is %2</source>
        <translation>trop grand&#xa0;: le serveur annonce %1, la limite est %2</translation>
    </message>
    <message>
        <source>too large: more than %1</source>
        <translation>trop grand&#xa0;: plus de %1</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
    <message>
        <source>HTTP %1 redirect without a Location</source>
        <translation>redirection HTTP %1 sans Location</translation>
    </message>
    <message>
        <source>connection closed after %1 of %2 bytes</source>
        <translation>connexion fermée après %1 octets sur %2</translation>
    </message>
    <message>
        <source>empty response: no image data</source>
        <translation>réponse vide&#xa0;: aucune donnée d’image</translation>
    </message>
    <message>
        <source>the server&apos;s compressed body ends early (%1 bytes decoded)</source>
        <translation>le contenu compressé du serveur se termine trop tôt (%1 octets décodés)</translation>
    </message>
</context>
<context>
    <name>trove::FolderImport</name>
    <message>
        <source>no images found in %1</source>
        <translation>aucune image trouvée dans %1</translation>
    </message>
</context>
<context>
    <name>trove::IngestPipeline</name>
    <message>
        <source>waiting for disk space</source>
        <translation>en attente d’espace disque</translation>
    </message>
    <message>
        <source>too large: %1 bytes, the limit is %2</source>
        <translation>trop grand&#xa0;: %1 octets, la limite est %2</translation>
    </message>
    <message>
        <source>%1 (the server asks to wait %2 s, more than %3 s)</source>
        <translation>%1 (le serveur demande d’attendre %2 s, plus de %3 s)</translation>
    </message>
    <message>
        <source>%1 (after %2 attempts)</source>
        <translation>%1 (après %2 tentatives)</translation>
    </message>
    <message>
        <source>retrying in %1 s (%2)</source>
        <translation>nouvel essai dans %1 s (%2)</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
</context>
<context>
    <name>trove::IngestQueueModel</name>
    <message>
        <source>Queued</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Téléchargement</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Traitement</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajoutée</translation>
    </message>
    <message>
        <source>Already in library</source>
        <translation>Déjà dans la bibliothèque</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>trove::LibraryReaderWorker</name>
    <message>
        <source>the library cannot be read</source>
        <translation>la bibliothèque ne peut pas être lue</translation>
    </message>
</context>
<context>
    <name>trove::RawImageIngest</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>the image data is empty</source>
        <translation>les données de l’image sont vides</translation>
    </message>
    <message>
        <source>image</source>
        <translation>image</translation>
    </message>
    <message>
        <source>the image could not be queued</source>
        <translation>l’image n’a pas pu être mise en file d’attente</translation>
    </message>
</context>
<context>
    <name>trove::SimilarityService</name>
    <message>
        <source>This image could not be decoded, so it cannot be compared.</source>
        <translation>Cette image n’a pas pu être décodée, elle ne peut donc pas être comparée.</translation>
    </message>
</context>
<context>
    <name>trove::SourceLabel</name>
    <message>
        <source>Pasted image</source>
        <translation>Image collée</translation>
    </message>
    <message>
        <source>Dropped image</source>
        <translation>Image déposée</translation>
    </message>
    <message>
        <source>Dropped from %1</source>
        <translation>Déposée depuis %1</translation>
    </message>
    <message>
        <source>Pasted or dropped image</source>
        <translation>Image collée ou déposée</translation>
    </message>
    <message>
        <source>Image in a data: link</source>
        <translation>Image dans un lien data:</translation>
    </message>
</context>
<context>
    <name>trove::TagCountsModel</name>
    <message numerus="yes">
        <source>%1: %n image(s)</source>
        <translation>
            <numerusform>%1&#xa0;: %n image</numerusform>
            <numerusform>%1&#xa0;: %n images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::TagLimits</name>
    <message>
        <source>at most %1 tags at a time; %2 given</source>
        <translation>au plus %1 étiquettes à la fois ; %2 données</translation>
    </message>
    <message>
        <source>a tag is longer than %1 characters: %2…</source>
        <translation>une étiquette dépasse %1 caractères : %2…</translation>
    </message>
</context>
<context>
    <name>trove::TrashModel</name>
    <message>
        <source>no library is open</source>
        <translation>aucune bibliothèque n’est ouverte</translation>
    </message>
    <message>
        <source>%1
%2 × %3, %4, added %5</source>
        <translation>%1
%2 × %3, %4, ajoutée le %5</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Supprimée</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>the trash changed meanwhile; choose the images again</source>
        <translation>la corbeille a changé entre-temps ; choisissez à nouveau les images</translation>
    </message>
</context>
<context>
    <name>trove::ui::BackupProgress</name>
    <message>
        <source>Back Up Library</source>
        <translation>Sauvegarder la bibliothèque</translation>
    </message>
    <message>
        <source>Copying the library to %1…</source>
        <translation>Copie de la bibliothèque vers %1…</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>Backup Done</source>
        <translation>Sauvegarde terminée</translation>
    </message>
    <message>
        <source>The library was copied to %1.</source>
        <translation>La bibliothèque a été copiée vers %1.</translation>
    </message>
    <message>
        <source>Backup Failed</source>
        <translation>Échec de la sauvegarde</translation>
    </message>
    <message>
        <source>The library could not be copied to %1.</source>
        <translation>La bibliothèque n’a pas pu être copiée vers %1.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s); %1 new files copied, %2 already there. To restore, open that folder with File ▸ Open Library…</source>
        <translation>
            <numerusform>%Ln image&#xa0;; %1 nouveaux fichiers copiés, %2 déjà présents. Pour restaurer, ouvrez ce dossier avec Fichier ▸ Ouvrir une bibliothèque…</numerusform>
            <numerusform>%Ln images&#xa0;; %1 nouveaux fichiers copiés, %2 déjà présents. Pour restaurer, ouvrez ce dossier avec Fichier ▸ Ouvrir une bibliothèque…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s), and %1 in the trash; %2 new files copied, %3 already there. To restore, open that folder with File ▸ Open Library…</source>
        <translation>
            <numerusform>%Ln image, et %1 dans la corbeille&#xa0;; %2 nouveaux fichiers copiés, %3 déjà présents. Pour restaurer, ouvrez ce dossier avec Fichier ▸ Ouvrir une bibliothèque…</numerusform>
            <numerusform>%Ln images, et %1 dans la corbeille&#xa0;; %2 nouveaux fichiers copiés, %3 déjà présents. Pour restaurer, ouvrez ce dossier avec Fichier ▸ Ouvrir une bibliothèque…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::BrowseBar</name>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Plus récentes d’abord</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>Plus anciennes d’abord</translation>
    </message>
    <message>
        <source>Sort order</source>
        <translation>Ordre de tri</translation>
    </message>
    <message>
        <source>&amp;Sort:</source>
        <translation>&amp;Tri&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Sort By</source>
        <translation>&amp;Trier par</translation>
    </message>
    <message>
        <source>Search names, tags and sites…   (tag:cats -tag:dogs format:png width:&gt;1000)</source>
        <translation>Rechercher dans les noms, étiquettes et sites…   (tag:cats -tag:dogs format:png width:&gt;1000)</translation>
    </message>
    <message>
        <source>Search error</source>
        <translation>Erreur de recherche</translation>
    </message>
    <message>
        <source>Search: at character %1: %2</source>
        <extracomment>%1 is the character position, %2 why the search cannot be read</extracomment>
        <translation>Recherche&#xa0;: au caractère %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Search: words, tag:x, -tag:x, a OR b, site:, format:, width:&gt;N, size:&gt;1MB, added:2026-11, untagged (Help ▸ Search Syntax)</source>
        <translation>Recherche&#xa0;: mots, tag:x, -tag:x, a OR b, site:, format:, width:&gt;N, size:&gt;1MB, added:2026-11, untagged (Aide ▸ Syntaxe de recherche)</translation>
    </message>
    <message>
        <source>Name (natural) A–Z</source>
        <extracomment>Natural order: &quot;photo 9&quot; before &quot;photo 10&quot;, case ignored</extracomment>
        <translation>Nom (ordre naturel) A–Z</translation>
    </message>
    <message>
        <source>Name (natural) Z–A</source>
        <translation>Nom (ordre naturel) Z–A</translation>
    </message>
    <message>
        <source>Largest file first</source>
        <translation>Plus gros fichiers d’abord</translation>
    </message>
    <message>
        <source>Smallest file first</source>
        <translation>Plus petits fichiers d’abord</translation>
    </message>
    <message>
        <source>Most pixels first</source>
        <translation>Plus de pixels d’abord</translation>
    </message>
    <message>
        <source>Fewest pixels first</source>
        <translation>Moins de pixels d’abord</translation>
    </message>
    <message>
        <source>Highest rated first</source>
        <translation>Mieux notées d’abord</translation>
    </message>
    <message>
        <source>Lowest rated first</source>
        <translation>Moins bien notées d’abord</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>Aléatoire</translation>
    </message>
    <message>
        <source>Shuffle &amp;Again</source>
        <translation>&amp;Mélanger à nouveau</translation>
    </message>
    <message>
        <source>Put the images in a new random order</source>
        <translation>Mettre les images dans un nouvel ordre aléatoire</translation>
    </message>
    <message>
        <source>Collection order</source>
        <extracomment>The order a hand-made collection&apos;s images were put in (drag to reorder)</extracomment>
        <translation>Ordre de la collection</translation>
    </message>
    <message>
        <source>Search: %1</source>
        <extracomment>%1 says why the search cannot run, e.g. no collection named “Nope”</extracomment>
        <translation>Recherche&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>trove::ui::CollectionReorder</name>
    <message>
        <source>Still reading that part of the collection; drop again</source>
        <translation>Cette partie de la collection est encore en lecture ; déposez à nouveau</translation>
    </message>
</context>
<context>
    <name>trove::ui::CollectionsDock</name>
    <message>
        <source>Collections</source>
        <translation>Collections</translation>
    </message>
    <message>
        <source>Cannot reorder “%1”: %2</source>
        <translation>Impossible de réordonner « %1 » : %2</translation>
    </message>
    <message>
        <source>Type a search first: a smart collection is a saved search</source>
        <translation>Tapez d’abord une recherche&#xa0;: une collection intelligente est une recherche enregistrée</translation>
    </message>
    <message>
        <source>New Smart Collection</source>
        <translation>Nouvelle collection intelligente</translation>
    </message>
    <message>
        <source>Name of the smart collection for “%1”:</source>
        <translation>Nom de la collection intelligente pour «&#xa0;%1&#xa0;»&#xa0;:</translation>
    </message>
    <message>
        <source>Cannot create the collection: %1.
Name of the smart collection for “%2”:</source>
        <translation>Impossible de créer la collection&#xa0;: %1.
Nom de la collection intelligente pour «&#xa0;%2&#xa0;»&#xa0;:</translation>
    </message>
</context>
<context>
    <name>trove::ui::CollectionsPanel</name>
    <message>
        <source>New</source>
        <translation>Nouvelle</translation>
    </message>
    <message>
        <source>New Collection… or New Smart Collection from the current search</source>
        <translation>Nouvelle collection… ou nouvelle collection intelligente à partir de la recherche actuelle</translation>
    </message>
    <message>
        <source>New Collection…</source>
        <translation>Nouvelle collection…</translation>
    </message>
    <message>
        <source>New Smart Collection from Current Search…</source>
        <translation>Nouvelle collection intelligente à partir de la recherche actuelle…</translation>
    </message>
    <message>
        <source>Add Selection</source>
        <translation>Ajouter la sélection</translation>
    </message>
    <message>
        <source>Remove Selection</source>
        <translation>Retirer la sélection</translation>
    </message>
    <message>
        <source>Take the images selected in the gallery out of this collection (they stay in the library)</source>
        <translation>Retirer de cette collection les images sélectionnées dans la galerie (elles restent dans la bibliothèque)</translation>
    </message>
    <message>
        <source>Delete this collection (its images stay in the library)</source>
        <translation>Supprimer cette collection (ses images restent dans la bibliothèque)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Cannot read the collections: %1</source>
        <translation>Impossible de lire les collections&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 (smart)</source>
        <translation>%1 (intelligente)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Smart collection: %1</source>
        <translation>Collection intelligente&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s)</source>
        <translation>
            <numerusform>%Ln image</numerusform>
            <numerusform>%Ln images</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot create the collection: %1</source>
        <translation>Impossible de créer la collection&#xa0;: %1</translation>
    </message>
    <message>
        <source>Created the collection “%1”</source>
        <translation>Collection «&#xa0;%1&#xa0;» créée</translation>
    </message>
    <message>
        <source>Cannot delete the collection: %1</source>
        <translation>Impossible de supprimer la collection&#xa0;: %1</translation>
    </message>
    <message>
        <source>Deleted the collection “%1”; its images stay in the library</source>
        <translation>Collection «&#xa0;%1&#xa0;» supprimée&#xa0;; ses images restent dans la bibliothèque</translation>
    </message>
    <message>
        <source>New Collection</source>
        <translation>Nouvelle collection</translation>
    </message>
    <message>
        <source>Name of the new collection:</source>
        <translation>Nom de la nouvelle collection&#xa0;:</translation>
    </message>
    <message>
        <source>Delete Collection</source>
        <translation>Supprimer la collection</translation>
    </message>
    <message>
        <source>Delete the collection “%1”?</source>
        <translation>Supprimer la collection «&#xa0;%1&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Its images stay in the library.</source>
        <translation>Ses images restent dans la bibliothèque.</translation>
    </message>
    <message>
        <source>Add the images selected in the gallery to a collection</source>
        <translation>Ajouter les images sélectionnées dans la galerie à une collection</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Renommer…</translation>
    </message>
    <message>
        <source>No collections yet: make one with New</source>
        <translation>Aucune collection pour l’instant : créez-en une avec Nouvelle</translation>
    </message>
    <message>
        <source>Cannot rename the collection: %1</source>
        <translation>Impossible de renommer la collection : %1</translation>
    </message>
    <message>
        <source>Renamed the collection “%1” to “%2”</source>
        <translation>Collection « %1 » renommée en « %2 »</translation>
    </message>
    <message>
        <source>Rename Collection</source>
        <translation>Renommer la collection</translation>
    </message>
    <message>
        <source>New name of “%1”:</source>
        <translation>Nouveau nom de « %1 » :</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Cannot create the collection: %1.
Name of the new collection:</source>
        <translation>Impossible de créer la collection&#xa0;: %1.
Nom de la nouvelle collection&#xa0;:</translation>
    </message>
    <message>
        <source>Cannot rename the collection: %1.
New name of “%2”:</source>
        <translation>Impossible de renommer la collection&#xa0;: %1.
Nouveau nom de «&#xa0;%2&#xa0;»&#xa0;:</translation>
    </message>
</context>
<context>
    <name>trove::ui::DiskFullBar</name>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Free some space first, then add the waiting images</source>
        <translation>Libérez d’abord de l’espace, puis ajoutez les images en attente</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Adding images is paused:&lt;/b&gt; %1. %Ln image(s) waiting in the queue; free some space, then resume.</source>
        <translation>
            <numerusform>&lt;b&gt;L’ajout d’images est en pause&#xa0;:&lt;/b&gt; %1. %Ln image attend dans la file&#xa0;; libérez de l’espace, puis reprenez.</numerusform>
            <numerusform>&lt;b&gt;L’ajout d’images est en pause&#xa0;:&lt;/b&gt; %1. %Ln images attendent dans la file&#xa0;; libérez de l’espace, puis reprenez.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::DownloadsPage</name>
    <message>
        <source> MiB</source>
        <translation> Mio</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Downloads from one site at the same time; the rest of its links wait while other sites go on. Some sites refuse more than a few.</source>
        <translation>Téléchargements simultanés depuis un même site&#xa0;; ses autres liens attendent pendant que les autres sites continuent. Certains sites en refusent plus de quelques-uns.</translation>
    </message>
    <message>
        <source>A download that receives nothing for this long is tried again later (three tries in all).</source>
        <translation>Un téléchargement qui ne reçoit rien pendant cette durée est réessayé plus tard (trois tentatives en tout).</translation>
    </message>
    <message>
        <source>&amp;Largest download:</source>
        <translation>Téléchargement le plus &amp;gros&#xa0;:</translation>
    </message>
    <message>
        <source>Downloads at once &amp;per site:</source>
        <translation>Téléchargements simultanés &amp;par site&#xa0;:</translation>
    </message>
    <message>
        <source>Give up when &amp;stalled for:</source>
        <translation>Abandonner après un &amp;blocage de&#xa0;:</translation>
    </message>
    <message>
        <source>Give up on &amp;any download after:</source>
        <translation>Abandonner &amp;tout téléchargement après&#xa0;:</translation>
    </message>
    <message>
        <source>Changes apply to downloads that start from now on.</source>
        <translation>Les modifications s’appliquent aux téléchargements qui commencent à partir de maintenant.</translation>
    </message>
</context>
<context>
    <name>trove::ui::DragExporter</name>
    <message>
        <source>Cannot prepare images for dragging out: %1</source>
        <translation>Impossible de préparer les images pour les faire glisser&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot prepare “%1” for dragging out: %2</source>
        <translation>Impossible de préparer «&#xa0;%1&#xa0;» pour le faire glisser&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>trove::ui::DropTarget</name>
    <message>
        <source>Drop to add this image</source>
        <translation>Déposez pour ajouter cette image</translation>
    </message>
    <message>
        <source>This cannot be added: it holds no image links, files or images</source>
        <translation>Impossible d’ajouter ceci&#xa0;: aucun lien d’image, fichier ou image</translation>
    </message>
    <message>
        <source>Drop to add these links</source>
        <translation>Déposez pour ajouter ces liens</translation>
    </message>
    <message numerus="yes">
        <source>Drop to add %Ln item(s)</source>
        <translation>
            <numerusform>Déposez pour ajouter %Ln élément</numerusform>
            <numerusform>Déposez pour ajouter %Ln éléments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::DuplicateGroupDelegate</name>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>no source</source>
        <translation>aucune source</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <source>distance %1</source>
        <translation>distance %1</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>+%1 de plus</translation>
    </message>
    <message>
        <source>%1 × %2 pixels, %3</source>
        <translation>%1 × %2 pixels, %3</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 octets)</translation>
    </message>
    <message>
        <source>Added %1</source>
        <translation>Ajoutée le %1</translation>
    </message>
    <message>
        <source>Keep Best keeps this one</source>
        <translation>«&#xa0;Garder le meilleur&#xa0;» garde celle-ci</translation>
    </message>
    <message>
        <source>%1 of 64 bits from the first</source>
        <translation>%1 bits sur 64 d’écart avec la première</translation>
    </message>
    <message numerus="yes">
        <source>Group %1 · %Ln image(s)</source>
        <translation>
            <numerusform>Groupe %1 · %Ln image</numerusform>
            <numerusform>Groupe %1 · %Ln images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::DuplicateOffer</name>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>Keep Name</source>
        <translation>Garder le nom</translation>
    </message>
    <message>
        <source>Leave the image as it is</source>
        <translation>Laisser l’image telle quelle</translation>
    </message>
    <message>
        <source> (tags added: %1)</source>
        <translation> (étiquettes ajoutées&#xa0;: %1)</translation>
    </message>
    <message>
        <source>Already in library as “%1”%2</source>
        <translation>Déjà dans la bibliothèque sous le nom «&#xa0;%1&#xa0;»%2</translation>
    </message>
    <message>
        <source>Already in library as “%1”%2. Rename it to “%3”?</source>
        <translation>Déjà dans la bibliothèque sous le nom «&#xa0;%1&#xa0;»%2. La renommer en «&#xa0;%3&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Rename to “%1”</source>
        <translation>Renommer en «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Cannot rename: %1</source>
        <translation>Impossible de renommer&#xa0;: %1</translation>
    </message>
    <message>
        <source>Renamed “%1” to “%2”</source>
        <translation>«&#xa0;%1&#xa0;» renommée en «&#xa0;%2&#xa0;»</translation>
    </message>
</context>
<context>
    <name>trove::ui::DuplicatesDialog</name>
    <message>
        <source>&amp;Keep Best</source>
        <translation>&amp;Garder le meilleur</translation>
    </message>
    <message>
        <source>&amp;Not Duplicates</source>
        <translation>&amp;Pas des doublons</translation>
    </message>
    <message>
        <source>&amp;Search Again</source>
        <translation>&amp;Rechercher à nouveau</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Doublons</translation>
    </message>
    <message>
        <source>Keep Best: %1</source>
        <translation>Garder le meilleur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Keep the first image of the group, give it the others&apos; tags and sources, and move the others to the trash. Collections are not merged: Trove has none yet.</source>
        <translation>Garder la première image du groupe, lui donner les étiquettes et les sources des autres et mettre les autres à la corbeille. Les collections ne sont pas fusionnées&#xa0;: Trove n’en a pas encore.</translation>
    </message>
    <message>
        <source>Remember that these images are not duplicates.</source>
        <translation>Retenir que ces images ne sont pas des doublons.</translation>
    </message>
    <message>
        <source>Look for duplicates again, with images added since.</source>
        <translation>Rechercher à nouveau les doublons, avec les images ajoutées depuis.</translation>
    </message>
    <message>
        <source>Cannot read some groups: %1</source>
        <translation>Impossible de lire certains groupes&#xa0;: %1</translation>
    </message>
    <message>
        <source>Looking for duplicates…</source>
        <translation>Recherche des doublons…</translation>
    </message>
    <message>
        <source>Cannot look for duplicates: %1</source>
        <translation>Impossible de rechercher les doublons&#xa0;: %1</translation>
    </message>
    <message>
        <source>No near-duplicates (distance up to %1 of 64 bits).</source>
        <translation>Aucun quasi-doublon (distance jusqu’à %1 bits sur 64).</translation>
    </message>
    <message>
        <source>Not Duplicates takes groups of up to %1 images; search with a smaller distance to split this one.</source>
        <translation>«&#xa0;Pas des doublons&#xa0;» accepte des groupes de %1 images au plus&#xa0;; recherchez avec une distance plus petite pour scinder celui-ci.</translation>
    </message>
    <message>
        <source>Cannot keep the best image: %1</source>
        <translation>Impossible de garder la meilleure image&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Kept one image; %n moved to the trash (Edit ▸ Undo puts them back).</source>
        <translation>
            <numerusform>Une image gardée&#xa0;; %n mise à la corbeille (Édition ▸ Annuler la remet).</numerusform>
            <numerusform>Une image gardée&#xa0;; %n mises à la corbeille (Édition ▸ Annuler les remet).</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot remember these images: %1</source>
        <translation>Impossible de retenir ces images&#xa0;: %1</translation>
    </message>
    <message>
        <source>These images will not be shown as duplicates again.</source>
        <translation>Ces images ne seront plus présentées comme doublons.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s) of near-duplicates (distance up to %1 of 64 bits), largest first.</source>
        <translation>
            <numerusform>%Ln groupe de quasi-doublons (distance jusqu’à %1 bits sur 64), les plus grands d’abord.</numerusform>
            <numerusform>%Ln groupes de quasi-doublons (distance jusqu’à %1 bits sur 64), les plus grands d’abord.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s) not hashed yet and left out.</source>
        <translation>
            <numerusform>%Ln image n’a pas encore d’empreinte et est laissée de côté.</numerusform>
            <numerusform>%Ln images n’ont pas encore d’empreinte et sont laissées de côté.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::GalleryView</name>
    <message>
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
    <message>
        <source>No images match</source>
        <translation>Aucune image ne correspond</translation>
    </message>
    <message>
        <source>Your library is empty</source>
        <translation>Votre bibliothèque est vide</translation>
    </message>
    <message>
        <source>Try another search, or clear the search field.</source>
        <translation>Essayez une autre recherche ou videz le champ de recherche.</translation>
    </message>
    <message>
        <source>Paste image links with Ctrl+V or drop images here.
You can also type a link in the bar above, or drag pictures out of a web browser.</source>
        <translation>Collez des liens d’images avec Ctrl+V ou déposez des images ici.
Vous pouvez aussi taper un lien dans la barre ci-dessus ou faire glisser des images depuis un navigateur Web.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s) still being written for the drop; if the target misses them, drag again.</source>
        <translation>
            <numerusform>%Ln image est encore en cours d’écriture pour le dépôt&#xa0;; si elle manque à la cible, faites-la glisser à nouveau.</numerusform>
            <numerusform>%Ln images sont encore en cours d’écriture pour le dépôt&#xa0;; si elles manquent à la cible, faites-les glisser à nouveau.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::GeneralPage</name>
    <message>
        <source>The new language shows when Trove starts next.</source>
        <translation>La nouvelle langue s’affichera au prochain démarrage de Trove.</translation>
    </message>
    <message>
        <source>As the desktop</source>
        <translation>Comme le bureau</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>T&amp;humbnail size:</source>
        <translation>Taille des &amp;vignettes&#xa0;:</translation>
    </message>
    <message>
        <source>The slider in the status bar and Ctrl++ / Ctrl+− change it too.</source>
        <translation>Le curseur de la barre d’état et Ctrl++ / Ctrl+− la modifient aussi.</translation>
    </message>
</context>
<context>
    <name>trove::ui::HashingStatusLabel</name>
    <message>
        <source>Hashing for Find Similar: %1 of %2</source>
        <translation>Empreintes pour «&#xa0;Images similaires&#xa0;»&#xa0;: %1 sur %2</translation>
    </message>
    <message>
        <source>Hashing for Find Similar stopped: %1</source>
        <translation>Empreintes pour «&#xa0;Images similaires&#xa0;» arrêtées&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>trove::ui::ImageActions</name>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>&amp;Copy Image</source>
        <translation>&amp;Copier l’image</translation>
    </message>
    <message>
        <source>Copy &amp;Source Link</source>
        <translation>Copier le lien &amp;source</translation>
    </message>
    <message>
        <source>Open Source in &amp;Browser</source>
        <translation>Ouvrir la source dans le &amp;navigateur</translation>
    </message>
    <message>
        <source>&amp;Export Original…</source>
        <translation>&amp;Exporter l’original…</translation>
    </message>
    <message>
        <source>Edit &amp;Name and Tags…</source>
        <translation>Modifier le nom et les é&amp;tiquettes…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>S&amp;upprimer…</translation>
    </message>
    <message>
        <source>Find &amp;Similar</source>
        <translation>Images si&amp;milaires</translation>
    </message>
    <message>
        <source>Find &amp;Duplicates…</source>
        <translation>Trouver les &amp;doublons…</translation>
    </message>
    <message>
        <source>Copying “%1”…</source>
        <translation>Copie de «&#xa0;%1&#xa0;»…</translation>
    </message>
    <message>
        <source>Cannot copy “%1”: %2</source>
        <translation>Impossible de copier «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>Copied “%1” to the clipboard</source>
        <translation>«&#xa0;%1&#xa0;» copiée dans le presse-papiers</translation>
    </message>
    <message>
        <source>No web source to open: these images were added from files</source>
        <translation>Aucune source Web à ouvrir&#xa0;: ces images ont été ajoutées depuis des fichiers</translation>
    </message>
    <message>
        <source>no web browser could be started (is xdg-open installed and a default browser set?)</source>
        <translation>aucun navigateur Web n’a pu être lancé (xdg-open est-il installé et un navigateur par défaut choisi&#xa0;?)</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Impossible d’ouvrir %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Cannot open %1 source links: %2</source>
        <translation>Impossible d’ouvrir %1 liens source&#xa0;: %2</translation>
    </message>
    <message>
        <source>Export Original</source>
        <translation>Exporter l’original</translation>
    </message>
    <message>
        <source>Export %1 Originals To</source>
        <translation>Exporter %1 originaux vers</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Some originals could not be exported:
%1</source>
        <translation>Certains originaux n’ont pas pu être exportés&#xa0;:
%1</translation>
    </message>
    <message>
        <source>Edit Tags of %1 Images</source>
        <translation>Modifier les étiquettes de %1 images</translation>
    </message>
    <message>
        <source>Cannot rename: %1</source>
        <translation>Impossible de renommer&#xa0;: %1</translation>
    </message>
    <message>
        <source>Changing tags…</source>
        <translation>Modification des étiquettes…</translation>
    </message>
    <message>
        <source>Edit Tags</source>
        <translation>Modifier les étiquettes</translation>
    </message>
    <message>
        <source>Cannot change tags: %1 (%2 changed)</source>
        <translation>Impossible de modifier les étiquettes&#xa0;: %1 (%2 modifiées)</translation>
    </message>
    <message>
        <source>Move “%1” to the trash?</source>
        <translation>Mettre «&#xa0;%1&#xa0;» à la corbeille&#xa0;?</translation>
    </message>
    <message>
        <source>Remove Images</source>
        <translation>Supprimer des images</translation>
    </message>
    <message>
        <source>You can undo this with Ctrl+Z.</source>
        <translation>Vous pouvez annuler ceci avec Ctrl+Z.</translation>
    </message>
    <message>
        <source>Moving images to the trash…</source>
        <translation>Mise des images à la corbeille…</translation>
    </message>
    <message>
        <source>Cannot move to the trash: %1 (%2 moved)</source>
        <translation>Impossible de mettre à la corbeille&#xa0;: %1 (%2 déplacées)</translation>
    </message>
    <message>
        <source>Stopped: %1 moved to the trash</source>
        <translation>Arrêté&#xa0;: %1 mises à la corbeille</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln source link(s)</source>
        <translation>
            <numerusform>Lien source copié</numerusform>
            <numerusform>%Ln liens source copiés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export works on up to %Ln image(s) at a time; %1 are selected.</source>
        <translation>
            <numerusform>L’exportation traite au plus %Ln image à la fois&#xa0;; %1 sont sélectionnées.</numerusform>
            <numerusform>L’exportation traite au plus %Ln images à la fois&#xa0;; %1 sont sélectionnées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln original(s)</source>
        <translation>
            <numerusform>Original exporté</numerusform>
            <numerusform>%Ln originaux exportés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tags changed on %Ln image(s)</source>
        <translation>
            <numerusform>Étiquettes modifiées sur %Ln image</numerusform>
            <numerusform>Étiquettes modifiées sur %Ln images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %Ln image(s) to the trash?</source>
        <translation>
            <numerusform>Mettre %Ln image à la corbeille&#xa0;?</numerusform>
            <numerusform>Mettre %Ln images à la corbeille&#xa0;?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln image(s) to the trash</source>
        <translation>
            <numerusform>%Ln image mise à la corbeille</numerusform>
            <numerusform>%Ln images mises à la corbeille</numerusform>
        </translation>
    </message>
    <message>
        <source>Adding to “%1”…</source>
        <translation>Ajout à «&#xa0;%1&#xa0;»…</translation>
    </message>
    <message>
        <source>Cannot add to “%1”: %2</source>
        <translation>Impossible d’ajouter à «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>Added %Ln image(s) to “%1”</source>
        <translation>
            <numerusform>%Ln image ajoutée à «&#xa0;%1&#xa0;»</numerusform>
            <numerusform>%Ln images ajoutées à «&#xa0;%1&#xa0;»</numerusform>
        </translation>
    </message>
    <message>
        <source>Taking images out of “%1”…</source>
        <translation>Retrait des images de «&#xa0;%1&#xa0;»…</translation>
    </message>
    <message>
        <source>Cannot take images out of “%1”: %2</source>
        <translation>Impossible de retirer des images de «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>Took %Ln image(s) out of “%1”</source>
        <translation>
            <numerusform>%Ln image retirée de «&#xa0;%1&#xa0;»</numerusform>
            <numerusform>%Ln images retirées de «&#xa0;%1&#xa0;»</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Renamed %Ln image(s)</source>
        <translation>
            <numerusform>%Ln image renommée</numerusform>
            <numerusform>%Ln images renommées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::ImageCanvas</name>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
</context>
<context>
    <name>trove::ui::ImageInfoPanel</name>
    <message>
        <source>pasted or dropped image</source>
        <translation>image collée ou déposée</translation>
    </message>
    <message>
        <source>embedded data URL</source>
        <translation>URL data intégrée</translation>
    </message>
    <message>
        <source>Edit Name and Tags…</source>
        <translation>Modifier le nom et les étiquettes…</translation>
    </message>
    <message>
        <source>Export Original…</source>
        <translation>Exporter l’original…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>Dimensions</translation>
    </message>
    <message>
        <source>Original size</source>
        <translation>Taille d’origine</translation>
    </message>
    <message>
        <source>Stored size</source>
        <translation>Taille stockée</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajoutée</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Appareil photo</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Prise le</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>Exposition</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 pixels</translation>
    </message>
    <message>
        <source>%1 (%2 % of the original)</source>
        <translation>%1 (%2 % de l’original)</translation>
    </message>
    <message>
        <source>%1 (damaged: its original is missing or corrupt)</source>
        <translation>%1 (endommagée&#xa0;: l’original manque ou est corrompu)</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>sans note</translation>
    </message>
    <message>
        <source>%1, favourite</source>
        <translation>%1, favori</translation>
    </message>
    <message>
        <source>Found on</source>
        <translation>Trouvée sur</translation>
    </message>
    <message>
        <source>pasted, dropped or uploaded image</source>
        <translation>image collée, déposée ou envoyée</translation>
    </message>
</context>
<context>
    <name>trove::ui::ImageViewer</name>
    <message>
        <source>Back to the gallery (Esc)</source>
        <translation>Retour à la galerie (Échap)</translation>
    </message>
    <message>
        <source>Previous image (Left, Page Up)</source>
        <translation>Image précédente (Gauche, Page précédente)</translation>
    </message>
    <message>
        <source>Next image (Right, Page Down)</source>
        <translation>Image suivante (Droite, Page suivante)</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Zoom arrière (-)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Zoom avant (+)</translation>
    </message>
    <message>
        <source>Fit width (W)</source>
        <translation>Ajuster à la largeur (W)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Pause the animation (P); step with , and .</source>
        <translation>Mettre l’animation en pause (P)&#xa0;; image par image avec , et .</translation>
    </message>
    <message>
        <source>Slideshow (S); any key or click stops it</source>
        <translation>Diaporama (S)&#xa0;; une touche ou un clic l’arrête</translation>
    </message>
    <message>
        <source>Slideshow</source>
        <translation>Diaporama</translation>
    </message>
    <message>
        <source>Full screen (F11, double-click)</source>
        <translation>Plein écran (F11, double-clic)</translation>
    </message>
    <message>
        <source>Slideshow ended: that was the last image</source>
        <translation>Diaporama terminé&#xa0;: c’était la dernière image</translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>zoom percentage</comment>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Fit (%1)</source>
        <translation>Ajusté (%1)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>The original of this image is damaged or missing.
Run “trove verify --repair”.</source>
        <translation>L’original de cette image est endommagé ou manquant.
Lancez «&#xa0;trove verify --repair&#xa0;».</translation>
    </message>
    <message>
        <source>Cannot show this image: %1</source>
        <translation>Impossible d’afficher cette image&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>This animation is too long to keep in memory; only its first %n frames play</source>
        <translation>
            <numerusform>Cette animation est trop longue pour tenir en mémoire&#xa0;; seule sa première image est lue</numerusform>
            <numerusform>Cette animation est trop longue pour tenir en mémoire&#xa0;; seules ses %n premières images sont lues</numerusform>
        </translation>
    </message>
    <message>
        <source>Frame %1 of %2</source>
        <translation>Image %1 sur %2</translation>
    </message>
    <message>
        <source>Play the animation (P)</source>
        <translation>Lire l’animation (P)</translation>
    </message>
    <message>
        <source>Slideshow stopped</source>
        <translation>Diaporama arrêté</translation>
    </message>
    <message numerus="yes">
        <source>Slideshow: a new image every %n s; any key or click stops it</source>
        <translation>
            <numerusform>Diaporama&#xa0;: une nouvelle image chaque seconde&#xa0;; une touche ou un clic l’arrête</numerusform>
            <numerusform>Diaporama&#xa0;: une nouvelle image toutes les %n s&#xa0;; une touche ou un clic l’arrête</numerusform>
        </translation>
    </message>
    <message>
        <source>Animations are shown as they are, not rotated</source>
        <translation>Les animations sont affichées telles quelles, sans rotation</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>“%1” is no longer in the library</source>
        <translation>«&#xa0;%1&#xa0;» n’est plus dans la bibliothèque</translation>
    </message>
    <message>
        <source>Fit to window (Ctrl+0)</source>
        <translation>Ajuster à la fenêtre (Ctrl+0)</translation>
    </message>
    <message>
        <source>Actual size, 100 % (Ctrl+1)</source>
        <translation>Taille réelle, 100 % (Ctrl+1)</translation>
    </message>
</context>
<context>
    <name>trove::ui::IngestBar</name>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Paste or type image links (Ctrl+V anywhere adds them at once)</source>
        <translation>Collez ou tapez des liens d’images (Ctrl+V les ajoute aussitôt, où que vous soyez)</translation>
    </message>
    <message>
        <source>Image links</source>
        <translation>Liens d’images</translation>
    </message>
    <message>
        <source>Name for the next image</source>
        <translation>Nom de la prochaine image</translation>
    </message>
    <message>
        <source>Tags, comma separated</source>
        <translation>Étiquettes, séparées par des virgules</translation>
    </message>
    <message>
        <source>Tags for the next images</source>
        <translation>Étiquettes des prochaines images</translation>
    </message>
    <message>
        <source>Tags for what you add next, separated by commas</source>
        <translation>Étiquettes de ce que vous ajouterez ensuite, séparées par des virgules</translation>
    </message>
    <message>
        <source>Add the links in the field to the library</source>
        <translation>Ajouter les liens du champ à la bibliothèque</translation>
    </message>
    <message>
        <source>Names from the links</source>
        <translation>Noms tirés des liens</translation>
    </message>
    <message>
        <source>Several links: each image takes its name from its link; a name typed here waits for a single link</source>
        <translation>Plusieurs liens&#xa0;: chaque image prend le nom de son lien&#xa0;; un nom tapé ici attend un lien seul</translation>
    </message>
    <message>
        <source>Name (optional)</source>
        <translation>Nom (facultatif)</translation>
    </message>
    <message>
        <source>A name for the next image; empty: taken from the link</source>
        <translation>Un nom pour la prochaine image&#xa0;; vide&#xa0;: tiré du lien</translation>
    </message>
</context>
<context>
    <name>trove::ui::IngestController</name>
    <message>
        <source>Nothing can be added: %1</source>
        <translation>Rien ne peut être ajouté&#xa0;: %1</translation>
    </message>
    <message>
        <source>Pasted image %1</source>
        <translation>Image collée %1</translation>
    </message>
    <message>
        <source>Dropped image %1</source>
        <translation>Image déposée %1</translation>
    </message>
    <message>
        <source>Adding the image…</source>
        <translation>Ajout de l’image…</translation>
    </message>
    <message>
        <source>Cannot add the image: %1</source>
        <translation>Impossible d’ajouter l’image&#xa0;: %1</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <source>Nothing to add: the clipboard holds no image links, files or images (%1)</source>
        <translation>Rien à ajouter&#xa0;: le presse-papiers ne contient aucun lien d’image, fichier ou image (%1)</translation>
    </message>
    <message>
        <source>Cannot add this: it holds no image links, files or images (%1)</source>
        <translation>Impossible d’ajouter ceci&#xa0;: aucun lien d’image, fichier ou image (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Adding %Ln image(s)…</source>
        <translation>
            <numerusform>Ajout de %Ln image…</numerusform>
            <numerusform>Ajout de %Ln images…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cannot add %Ln item(s): see the queue for the reasons</source>
        <translation>
            <numerusform>Impossible d’ajouter cet élément&#xa0;: la raison est dans la file</numerusform>
            <numerusform>Impossible d’ajouter %Ln éléments&#xa0;: les raisons sont dans la file</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Adding %1, %Ln cannot be added (see the queue)</source>
        <translation>
            <numerusform>Ajout de %1, %Ln ne peut pas être ajouté (voir la file)</numerusform>
            <numerusform>Ajout de %1, %Ln ne peuvent pas être ajoutés (voir la file)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped looking for images: %Ln queued</source>
        <translation>
            <numerusform>Recherche d’images arrêtée&#xa0;: %Ln mise en file</numerusform>
            <numerusform>Recherche d’images arrêtée&#xa0;: %Ln mises en file</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Queued %Ln item(s)</source>
        <translation>
            <numerusform>%Ln élément mis en file</numerusform>
            <numerusform>%Ln éléments mis en file</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>skipped %Ln file(s) that are not images</source>
        <translation>
            <numerusform>%Ln fichier ignoré qui n’est pas une image</numerusform>
            <numerusform>%Ln fichiers ignorés qui ne sont pas des images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln could not be read (see the queue)</source>
        <translation>
            <numerusform>%Ln n’a pas pu être lu (voir la file)</numerusform>
            <numerusform>%Ln n’ont pas pu être lus (voir la file)</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was pasted: the program that holds the clipboard did not answer</source>
        <translation>Rien n’a été collé&#xa0;: le programme qui détient le presse-papiers n’a pas répondu</translation>
    </message>
    <message numerus="yes">
        <source>Nothing added: the pasted text holds no image links or files (the queue shows the %n line(s) not understood)</source>
        <translation>
            <numerusform>Rien n’a été ajouté&#xa0;: le texte collé ne contient aucun lien d’image ni fichier (la file montre la %n ligne non comprise)</numerusform>
            <numerusform>Rien n’a été ajouté&#xa0;: le texte collé ne contient aucun lien d’image ni fichier (la file montre les %n lignes non comprises)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing added: the dropped text holds no image links or files (the queue shows the %n line(s) not understood)</source>
        <translation>
            <numerusform>Rien n’a été ajouté&#xa0;: le texte déposé ne contient aucun lien d’image ni fichier (la file montre la %n ligne non comprise)</numerusform>
            <numerusform>Rien n’a été ajouté&#xa0;: le texte déposé ne contient aucun lien d’image ni fichier (la file montre les %n lignes non comprises)</numerusform>
        </translation>
    </message>
    <message>
        <source>No images found in %1</source>
        <translation>Aucune image trouvée dans %1</translation>
    </message>
    <message>
        <source>Carrying on the import of %1</source>
        <translation>Reprise de l’importation de %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s) found again were already in the library</source>
        <translation>
            <numerusform>%Ln image retrouvée était déjà dans la bibliothèque</numerusform>
            <numerusform>%Ln images retrouvées étaient déjà dans la bibliothèque</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::IngestQueueDelegate</name>
    <message>
        <source>Add Anyway</source>
        <translation>Ajouter quand même</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>%1 received</source>
        <translation>%1 reçus</translation>
    </message>
    <message>
        <source>Checking, compressing and storing…</source>
        <translation>Vérification, compression et stockage…</translation>
    </message>
    <message>
        <source>as “%1”</source>
        <translation>sous le nom «&#xa0;%1&#xa0;»</translation>
    </message>
</context>
<context>
    <name>trove::ui::IngestQueuePanel</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Cancel All</source>
        <translation>Tout annuler</translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation>Retirer les terminés</translation>
    </message>
    <message>
        <source>Copy Link</source>
        <translation>Copier le lien</translation>
    </message>
    <message>
        <source>Next Failure</source>
        <translation>Échec suivant</translation>
    </message>
    <message>
        <source>Show the next item that failed (F8)</source>
        <translation>Afficher l’élément suivant en échec (F8)</translation>
    </message>
    <message>
        <source>All Items</source>
        <translation>Tous les éléments</translation>
    </message>
    <message>
        <source>Not Finished</source>
        <translation>Non terminés</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Show: %1</source>
        <translation>Afficher&#xa0;: %1</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Add the selected images although their bytes were removed from the library before</source>
        <translation>Ajouter les images sélectionnées bien que leurs octets aient déjà été supprimés de la bibliothèque</translation>
    </message>
    <message>
        <source>Cancel the selected items</source>
        <translation>Annuler les éléments sélectionnés</translation>
    </message>
    <message>
        <source>Retry the selected failed or cancelled items</source>
        <translation>Réessayer les éléments sélectionnés en échec ou annulés</translation>
    </message>
    <message>
        <source>Cancel everything not finished yet</source>
        <translation>Annuler tout ce qui n’est pas encore terminé</translation>
    </message>
    <message>
        <source>Remove finished items from the queue</source>
        <translation>Retirer de la file les éléments terminés</translation>
    </message>
    <message>
        <source>Ingest queue</source>
        <translation>File d’attente d’import</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v sur %m</translation>
    </message>
    <message>
        <source>Nothing queued. Paste links (Ctrl+V) or drop images to add them.</source>
        <translation>File vide. Collez des liens (Ctrl+V) ou déposez des images.</translation>
    </message>
    <message>
        <source>All done, %1</source>
        <translation>Tout est fait, %1</translation>
    </message>
    <message>
        <source>All done</source>
        <translation>Tout est fait</translation>
    </message>
    <message>
        <source>Resume Downloads</source>
        <translation>Reprendre les téléchargements</translation>
    </message>
    <message>
        <source>Pause Downloads</source>
        <translation>Suspendre les téléchargements</translation>
    </message>
    <message>
        <source>Start downloading the waiting items again</source>
        <translation>Reprendre le téléchargement des éléments en attente</translation>
    </message>
    <message>
        <source>Show in Gallery</source>
        <translation>Afficher dans la galerie</translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln échec</numerusform>
            <numerusform>%Ln échecs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln to go, %1</source>
        <translation>
            <numerusform>%Ln restant, %1</numerusform>
            <numerusform>%Ln restants, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln to go</source>
        <translation>
            <numerusform>%Ln restant</numerusform>
            <numerusform>%Ln restants</numerusform>
        </translation>
    </message>
    <message>
        <source>Hide the list of items</source>
        <translation>Masquer la liste des éléments</translation>
    </message>
    <message>
        <source>Show the list of items</source>
        <translation>Afficher la liste des éléments</translation>
    </message>
    <message>
        <source>Stop downloading; running downloads start again on resume</source>
        <translation>Arrêter les téléchargements&#xa0;; ceux en cours reprennent depuis le début</translation>
    </message>
</context>
<context>
    <name>trove::ui::LibraryMoveProgress</name>
    <message>
        <source>Move Library</source>
        <translation>Déplacer la bibliothèque</translation>
    </message>
    <message>
        <source>Copying the library to %1…</source>
        <translation>Copie de la bibliothèque vers %1…</translation>
    </message>
</context>
<context>
    <name>trove::ui::LibraryMover</name>
    <message>
        <source>The library cannot be moved to %1.</source>
        <translation>La bibliothèque ne peut pas être déplacée vers %1.</translation>
    </message>
    <message>
        <source>This library is read-only, so it could not be deleted here after the copy. Copy it with File ▸ Back Up Library… instead.</source>
        <translation>Cette bibliothèque est en lecture seule, elle ne pourrait donc pas être supprimée ici après la copie. Copiez-la plutôt avec Fichier ▸ Sauvegarder la bibliothèque…</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) are still being added. Wait until the queue is done (or cancel what is left), then move the library.</source>
        <translation>
            <numerusform>%n image est encore en cours d’ajout. Attendez que la file soit terminée (ou annulez ce qui reste), puis déplacez la bibliothèque.</numerusform>
            <numerusform>%n images sont encore en cours d’ajout. Attendez que la file soit terminée (ou annulez ce qui reste), puis déplacez la bibliothèque.</numerusform>
        </translation>
    </message>
    <message>
        <source>Folders are still being searched for images. Wait until that is done (or cancel it), then move the library.</source>
        <translation>Des dossiers sont encore en cours d’analyse à la recherche d’images. Attendez la fin (ou annulez-la), puis déplacez la bibliothèque.</translation>
    </message>
    <message>
        <source>Move cancelled: the library stays in %1</source>
        <translation>Déplacement annulé&#xa0;: la bibliothèque reste dans %1</translation>
    </message>
    <message>
        <source>%1. Nothing was changed: the library stays where it is.</source>
        <translation>%1. Rien n’a été modifié&#xa0;: la bibliothèque reste où elle est.</translation>
    </message>
    <message>
        <source>The library was moved to %1</source>
        <translation>La bibliothèque a été déplacée vers %1</translation>
    </message>
    <message>
        <source>Library Moved</source>
        <translation>Bibliothèque déplacée</translation>
    </message>
    <message>
        <source>The library is now in %1. The old folder %2 was left in place: it holds files Trove did not make there (or could not delete).</source>
        <translation>La bibliothèque est maintenant dans %1. L’ancien dossier %2 a été laissé en place&#xa0;: il contient des fichiers que Trove n’y a pas créés (ou n’a pas pu supprimer).</translation>
    </message>
    <message>
        <source>Cannot Move Library</source>
        <translation>Impossible de déplacer la bibliothèque</translation>
    </message>
</context>
<context>
    <name>trove::ui::LibraryPage</name>
    <message>
        <source>&amp;Use Another Library…</source>
        <translation>&amp;Utiliser une autre bibliothèque…</translation>
    </message>
    <message>
        <source>Show another library (a new, empty folder starts one) and open it from now on when Trove starts</source>
        <translation>Afficher une autre bibliothèque (un dossier neuf et vide en crée une) et l’ouvrir désormais au démarrage de Trove</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
    <message>
        <source>Until emptied by hand</source>
        <translation>Jusqu’au vidage manuel</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Removed images older than this are deleted for good when a library opens</source>
        <translation>Les images mises à la corbeille depuis plus longtemps sont définitivement supprimées à l’ouverture d’une bibliothèque</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <source>&amp;Export to:</source>
        <translation>&amp;Exporter vers&#xa0;:</translation>
    </message>
    <message>
        <source>Keep removed images &amp;for:</source>
        <translation>Garder les images à la corbeille &amp;pendant&#xa0;:</translation>
    </message>
    <message>
        <source>No library is open</source>
        <translation>Aucune bibliothèque n’est ouverte</translation>
    </message>
    <message>
        <source>Trove opens this library when it starts.</source>
        <translation>Trove ouvre cette bibliothèque au démarrage.</translation>
    </message>
    <message>
        <source>When it starts, Trove opens %1.</source>
        <translation>Au démarrage, Trove ouvre %1.</translation>
    </message>
    <message>
        <source>Use Another Library</source>
        <translation>Utiliser une autre bibliothèque</translation>
    </message>
    <message>
        <source>Export To</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <source>&amp;Move Library…</source>
        <translation>&amp;Déplacer la bibliothèque…</translation>
    </message>
    <message>
        <source>Move this library into an empty folder (on another disk, say) and use it from there</source>
        <translation>Déplacer cette bibliothèque dans un dossier vide (sur un autre disque, par exemple) et l’utiliser à partir de là</translation>
    </message>
    <message>
        <source>Move Library To (an Empty Folder)</source>
        <translation>Déplacer la bibliothèque vers (un dossier vide)</translation>
    </message>
</context>
<context>
    <name>trove::ui::LibraryProblems</name>
    <message>
        <source>Cannot Repair Library</source>
        <translation>Impossible de réparer la bibliothèque</translation>
    </message>
    <message>
        <source>The library in %1 could not be repaired.</source>
        <translation>La bibliothèque dans %1 n’a pas pu être réparée.</translation>
    </message>
    <message>
        <source>Cannot read the library: %1</source>
        <translation>Impossible de lire la bibliothèque&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot Open Library</source>
        <translation>Impossible d’ouvrir la bibliothèque</translation>
    </message>
    <message>
        <source>The library in %1 cannot be opened.</source>
        <translation>La bibliothèque dans %1 ne peut pas être ouverte.</translation>
    </message>
</context>
<context>
    <name>trove::ui::LibraryRepair</name>
    <message>
        <source>Damaged Library</source>
        <translation>Bibliothèque endommagée</translation>
    </message>
    <message>
        <source>The library in %1 is damaged: its catalog, where names and tags are kept, can no longer be read as it is.</source>
        <translation>La bibliothèque dans %1 est endommagée&#xa0;: son catalogue, où sont gardés les noms et les étiquettes, ne peut plus être lu tel quel.</translation>
    </message>
    <message>
        <source>Trove can repair it. It keeps the damaged catalog beside the library, reads back whatever it still can, and rebuilds every image from the stored files. Names and tags that cannot be read are lost; the images are not.</source>
        <translation>Trove peut la réparer. Il garde le catalogue endommagé à côté de la bibliothèque, relit tout ce qu’il peut encore lire et reconstruit chaque image à partir des fichiers stockés. Les noms et étiquettes illisibles sont perdus&#xa0;; les images, non.</translation>
    </message>
    <message>
        <source>Repair Library</source>
        <translation>Réparer la bibliothèque</translation>
    </message>
    <message>
        <source>Reading what the damaged catalog still holds…</source>
        <translation>Lecture de ce que le catalogue endommagé contient encore…</translation>
    </message>
    <message>
        <source>Repairing Library</source>
        <translation>Réparation de la bibliothèque</translation>
    </message>
    <message numerus="yes">
        <source>, %n rebuilt from stored files</source>
        <translation>
            <numerusform>, %n reconstruite à partir des fichiers stockés</numerusform>
            <numerusform>, %n reconstruites à partir des fichiers stockés</numerusform>
        </translation>
    </message>
    <message>
        <source>; the damaged catalog is kept as %1</source>
        <translation>&#xa0;; le catalogue endommagé est conservé sous %1</translation>
    </message>
    <message numerus="yes">
        <source>Library repaired: %Ln image(s) read back</source>
        <translation>
            <numerusform>Bibliothèque réparée&#xa0;: %Ln image relue</numerusform>
            <numerusform>Bibliothèque réparée&#xa0;: %Ln images relues</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::LibraryStatusLabel</name>
    <message>
        <source>Library statistics</source>
        <translation>Statistiques de la bibliothèque</translation>
    </message>
    <message>
        <source>Opening the library…</source>
        <translation>Ouverture de la bibliothèque…</translation>
    </message>
    <message>
        <source>nothing stored yet</source>
        <translation>rien de stocké pour l’instant</translation>
    </message>
    <message>
        <source>compression saved nothing (already compressed formats)</source>
        <translation>la compression n’a rien économisé (formats déjà compressés)</translation>
    </message>
    <message>
        <source>compression saved %1 (%2 %)</source>
        <translation>la compression a économisé %1 (%2 %)</translation>
    </message>
    <message>
        <source>last added %1</source>
        <translation>dernier ajout %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s)</source>
        <translation>
            <numerusform>%Ln image</numerusform>
            <numerusform>%Ln images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::LocalApiHost</name>
    <message>
        <source>Serve Local &amp;API</source>
        <translation>Servir l’A&amp;PI locale</translation>
    </message>
    <message>
        <source>Let browser extensions and scripts on this computer add and read images through Trove&apos;s local API (with the library&apos;s access key)</source>
        <translation>Permettre aux extensions de navigateur et aux scripts de cet ordinateur d’ajouter et de lire des images via l’API locale de Trove (avec la clé d’accès de la bibliothèque)</translation>
    </message>
    <message>
        <source>Stopped serving the local API</source>
        <translation>L’API locale n’est plus servie</translation>
    </message>
    <message>
        <source>Cannot serve the local API: %1</source>
        <translation>Impossible de servir l’API locale&#xa0;: %1</translation>
    </message>
    <message>
        <source>Serving the local API on http://127.0.0.1:%1/</source>
        <translation>API locale servie sur http://127.0.0.1:%1/</translation>
    </message>
</context>
<context>
    <name>trove::ui::LocalApiPage</name>
    <message>
        <source>&amp;Serve the local API</source>
        <translation>&amp;Servir l’API locale</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>&amp;Afficher</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Cop&amp;ier</translation>
    </message>
    <message>
        <source>&amp;New Key…</source>
        <translation>&amp;Nouvelle clé…</translation>
    </message>
    <message>
        <source>Let browser extensions and scripts on this computer add and read images through Trove&apos;s local API (with the library&apos;s access key)</source>
        <translation>Permettre aux extensions de navigateur et aux scripts de cet ordinateur d’ajouter et de lire des images via l’API locale de Trove (avec la clé d’accès de la bibliothèque)</translation>
    </message>
    <message>
        <source>Any free port</source>
        <translation>N’importe quel port libre</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>e.g. chrome-extension://abcdefgh… https://example.org</source>
        <translation>p. ex. chrome-extension://abcdefgh… https://example.org</translation>
    </message>
    <message>
        <source>Web pages and extensions from these origins may call the API from a browser; separate them with spaces</source>
        <translation>Les pages Web et les extensions de ces origines peuvent appeler l’API depuis un navigateur&#xa0;; séparez-les par des espaces</translation>
    </message>
    <message>
        <source>&amp;Port on 127.0.0.1:</source>
        <translation>&amp;Port sur 127.0.0.1&#xa0;:</translation>
    </message>
    <message>
        <source>Access &amp;key:</source>
        <translation>&amp;Clé d’accès&#xa0;:</translation>
    </message>
    <message>
        <source>Allowed &amp;origins:</source>
        <translation>&amp;Origines autorisées&#xa0;:</translation>
    </message>
    <message>
        <source>Only programs on this computer can connect, and only with the key. Each library has its own key; the trove serve command uses the same port and origins.</source>
        <translation>Seuls les programmes de cet ordinateur peuvent se connecter, et uniquement avec la clé. Chaque bibliothèque a sa propre clé&#xa0;; la commande trove serve utilise le même port et les mêmes origines.</translation>
    </message>
    <message>
        <source>Cannot read the key: %1</source>
        <translation>Impossible de lire la clé&#xa0;: %1</translation>
    </message>
    <message>
        <source>New Access Key</source>
        <translation>Nouvelle clé d’accès</translation>
    </message>
    <message>
        <source>Replace the access key of this library?</source>
        <translation>Remplacer la clé d’accès de cette bibliothèque&#xa0;?</translation>
    </message>
    <message>
        <source>Extensions and scripts that use the old key stop working until they are given the new one.</source>
        <translation>Les extensions et les scripts qui utilisent l’ancienne clé cessent de fonctionner jusqu’à ce qu’on leur donne la nouvelle.</translation>
    </message>
    <message>
        <source>Replace Key</source>
        <translation>Remplacer la clé</translation>
    </message>
    <message>
        <source>Left out, as no browser sends such an origin:
%1</source>
        <translation>Laissé de côté, car aucun navigateur n’envoie une telle origine&#xa0;:
%1</translation>
    </message>
</context>
<context>
    <name>trove::ui::MainMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Add Image Files…</source>
        <translation>&amp;Ajouter des fichiers image…</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>Importer un &amp;dossier…</translation>
    </message>
    <message>
        <source>Open &amp;Library…</source>
        <translation>Ouvrir une &amp;bibliothèque…</translation>
    </message>
    <message>
        <source>&amp;Back Up Library…</source>
        <translation>&amp;Sauvegarder la bibliothèque…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Paste Links or Image</source>
        <translation>&amp;Coller des liens ou une image</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Tout sélectionner</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>Rec&amp;hercher</translation>
    </message>
    <message>
        <source>&amp;Image</source>
        <translation>&amp;Image</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Larger Thumbnails</source>
        <translation>Vignettes plus &amp;grandes</translation>
    </message>
    <message>
        <source>S&amp;maller Thumbnails</source>
        <translation>Vignettes plus &amp;petites</translation>
    </message>
    <message>
        <source>Ingest &amp;Queue</source>
        <translation>&amp;File d’attente d’import</translation>
    </message>
    <message>
        <source>&amp;Statistics…</source>
        <translation>&amp;Statistiques…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About Trove</source>
        <translation>À &amp;propos de Trove</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>Pr&amp;eferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>&amp;Search Syntax</source>
        <translation>&amp;Syntaxe de recherche</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>É&amp;tiquettes</translation>
    </message>
    <message>
        <source>&amp;Collections</source>
        <translation>&amp;Collections</translation>
    </message>
    <message>
        <source>&amp;Trash…</source>
        <translation>&amp;Corbeille…</translation>
    </message>
</context>
<context>
    <name>trove::ui::MainWindow</name>
    <message>
        <source>Ingest Queue</source>
        <translation>File d’attente d’import</translation>
    </message>
    <message>
        <source>Add Images</source>
        <translation>Ajouter des images</translation>
    </message>
    <message>
        <source>%1 — Trove</source>
        <translation>%1 — Trove</translation>
    </message>
    <message>
        <source>This library is read-only: nothing can be added to it</source>
        <translation>Cette bibliothèque est en lecture seule&#xa0;: rien ne peut y être ajouté</translation>
    </message>
    <message>
        <source>%1 (read-only) — Trove</source>
        <translation>%1 (lecture seule) — Trove</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Lecture seule</translation>
    </message>
    <message>
        <source>%1
Browsing, searching, viewing and exporting work; adding, tagging, renaming and deleting do not.</source>
        <translation>%1
Parcourir, rechercher, afficher et exporter fonctionnent&#xa0;; ajouter, étiqueter, renommer et supprimer, non.</translation>
    </message>
    <message>
        <source>Network drive</source>
        <translation>Lecteur réseau</translation>
    </message>
    <message>
        <source>Paste Links or Image</source>
        <translation>Coller des liens ou une image</translation>
    </message>
    <message>
        <source>Add Image Files…</source>
        <translation>Ajouter des fichiers image…</translation>
    </message>
    <message>
        <source>That image is not in the gallery as it is filtered now</source>
        <translation>Cette image n’est pas dans la galerie telle qu’elle est filtrée</translation>
    </message>
    <message>
        <source>Import Folder</source>
        <translation>Importer un dossier</translation>
    </message>
    <message>
        <source>Open Library</source>
        <translation>Ouvrir une bibliothèque</translation>
    </message>
    <message>
        <source>Back Up Library To</source>
        <translation>Sauvegarder la bibliothèque vers</translation>
    </message>
    <message>
        <source>Quit Trove</source>
        <translation>Quitter Trove</translation>
    </message>
    <message>
        <source>If you quit now, Trove finishes adding them the next time it opens this library.</source>
        <translation>Si vous quittez maintenant, Trove finira de les ajouter la prochaine fois qu’il ouvrira cette bibliothèque.</translation>
    </message>
    <message>
        <source>Quit and Finish Later</source>
        <translation>Quitter et finir plus tard</translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s) still being added.</source>
        <translation>
            <numerusform>%Ln image est encore en cours d’ajout.</numerusform>
            <numerusform>%Ln images sont encore en cours d’ajout.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot empty the trash: %1</source>
        <translation>Impossible de vider la corbeille&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n image(s) removed more than %1 days ago</source>
        <translation>
            <numerusform>%n image supprimée définitivement, mise à la corbeille il y a plus de %1 jours</numerusform>
            <numerusform>%n images supprimées définitivement, mises à la corbeille il y a plus de %1 jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Cannot shuffle: %1</source>
        <translation>Impossible de mélanger&#xa0;: %1</translation>
    </message>
    <message>
        <source>Add to &amp;Collection</source>
        <translation>Ajouter à la &amp;collection</translation>
    </message>
    <message>
        <source>%1 holds no Trove library. Make a new library there?</source>
        <translation>%1 ne contient aucune bibliothèque Trove. Y créer une nouvelle bibliothèque&#xa0;?</translation>
    </message>
    <message>
        <source>The folder holds more than %L1 items; Trove would add its own files and folders beside them.</source>
        <translation>Le dossier contient plus de %L1 éléments&#xa0;; Trove y ajouterait ses propres fichiers et dossiers à côté.</translation>
    </message>
    <message numerus="yes">
        <source>The folder holds %Ln item(s); Trove would add its own files and folders beside them.</source>
        <translation>
            <numerusform>Le dossier contient %Ln élément&#xa0;; Trove y ajouterait ses propres fichiers et dossiers à côté.</numerusform>
            <numerusform>Le dossier contient %Ln éléments&#xa0;; Trove y ajouterait ses propres fichiers et dossiers à côté.</numerusform>
        </translation>
    </message>
    <message>
        <source>Create Library</source>
        <translation>Créer la bibliothèque</translation>
    </message>
</context>
<context>
    <name>trove::ui::MarkActions</name>
    <message>
        <source>&amp;Favourite</source>
        <translation>&amp;Favori</translation>
    </message>
    <message>
        <source>&amp;No Rating</source>
        <translation>&amp;Aucune note</translation>
    </message>
    <message>
        <source>Clear the rating</source>
        <translation>Effacer la note</translation>
    </message>
    <message numerus="yes">
        <source>Rate %n star(s)</source>
        <translation>
            <numerusform>Attribuer %n étoile</numerusform>
            <numerusform>Attribuer %n étoiles</numerusform>
        </translation>
    </message>
    <message>
        <source>R&amp;ating</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>Clear Rating</source>
        <translation>Effacer la note</translation>
    </message>
    <message numerus="yes">
        <source>Rate %n Star(s)</source>
        <translation>
            <numerusform>Attribuer %n étoile</numerusform>
            <numerusform>Attribuer %n étoiles</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark as Favourite</source>
        <translation>Ajouter aux favoris</translation>
    </message>
    <message>
        <source>Unmark Favourite</source>
        <translation>Retirer des favoris</translation>
    </message>
    <message>
        <source>Rating images…</source>
        <translation>Attribution des notes…</translation>
    </message>
    <message>
        <source>Marking favourites…</source>
        <translation>Marquage des favoris…</translation>
    </message>
    <message>
        <source>Cannot change %1: %2 (%3 changed)</source>
        <translation>Impossible de modifier %1&#xa0;: %2 (%3 modifiées)</translation>
    </message>
    <message>
        <source>the rating</source>
        <translation>la note</translation>
    </message>
    <message>
        <source>favourites</source>
        <translation>les favoris</translation>
    </message>
    <message numerus="yes">
        <source>Rating cleared on %Ln image(s)</source>
        <translation>
            <numerusform>Note effacée sur %Ln image</numerusform>
            <numerusform>Note effacée sur %Ln images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rated %Ln image(s) %1</source>
        <translation>
            <numerusform>%Ln image notée %1</numerusform>
            <numerusform>%Ln images notées %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marked %Ln image(s) as favourite</source>
        <translation>
            <numerusform>%Ln image ajoutée aux favoris</numerusform>
            <numerusform>%Ln images ajoutées aux favoris</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unmarked %Ln favourite(s)</source>
        <translation>
            <numerusform>%Ln favori retiré</numerusform>
            <numerusform>%Ln favoris retirés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Téléchargements</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Local API</source>
        <translation>API locale</translation>
    </message>
    <message>
        <source>The default of every setting on this page</source>
        <translation>Les valeurs par défaut de tous les réglages de cette page</translation>
    </message>
</context>
<context>
    <name>trove::ui::SelectionCountLabel</name>
    <message>
        <source>%1 of %2  ·</source>
        <extracomment>%1 is &quot;N selected&quot;, %2 is &quot;M shown&quot;; the dot parts it from the library&apos;s count</extracomment>
        <translation>%1 sur %2  ·</translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected</source>
        <translation>
            <numerusform>%Ln sélectionnée</numerusform>
            <numerusform>%Ln sélectionnées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shown</source>
        <translation>
            <numerusform>%Ln affichée</numerusform>
            <numerusform>%Ln affichées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shown  ·</source>
        <translation>
            <numerusform>%Ln affichée  ·</numerusform>
            <numerusform>%Ln affichées  ·</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::SimilarDialog</name>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>Dimensions</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajoutée</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Looking for images similar to “%1”…</source>
        <translation>Recherche d’images similaires à «&#xa0;%1&#xa0;»…</translation>
    </message>
    <message>
        <source>Similar to “%1”</source>
        <translation>Similaires à «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Cannot look for similar images: %1</source>
        <translation>Impossible de rechercher des images similaires&#xa0;: %1</translation>
    </message>
    <message>
        <source>No similar images (distance up to %1 of 64 bits).</source>
        <translation>Aucune image similaire (distance jusqu’à %1 bits sur 64).</translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s) similar to “%1”, nearest first; the distance is how many of 64 bits of their perceptual hashes differ.</source>
        <translation>
            <numerusform>%Ln image similaire à «&#xa0;%1&#xa0;»&#xa0;; la distance est le nombre de bits, sur 64, qui diffèrent entre leurs empreintes perceptuelles.</numerusform>
            <numerusform>%Ln images similaires à «&#xa0;%1&#xa0;», les plus proches d’abord&#xa0;; la distance est le nombre de bits, sur 64, qui diffèrent entre leurs empreintes perceptuelles.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::StatisticsDialog</name>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Source domain</source>
        <translation>Domaine source</translation>
    </message>
    <message>
        <source>Library Statistics</source>
        <translation>Statistiques de la bibliothèque</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Totaux</translation>
    </message>
    <message>
        <source>Images:</source>
        <translation>Images&#xa0;:</translation>
    </message>
    <message>
        <source>Last added:</source>
        <translation>Dernier ajout&#xa0;:</translation>
    </message>
    <message>
        <source>Original size:</source>
        <translation>Taille d’origine&#xa0;:</translation>
    </message>
    <message>
        <source>Stored size:</source>
        <translation>Taille stockée&#xa0;:</translation>
    </message>
    <message>
        <source>Saved:</source>
        <translation>Économisé&#xa0;:</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>nothing stored yet</source>
        <translation>rien d’enregistré pour l’instant</translation>
    </message>
    <message>
        <source>nothing (already compressed formats)</source>
        <translation>rien (formats déjà compressés)</translation>
    </message>
    <message>
        <source>%1 by compression (%2 %)</source>
        <translation>%1 grâce à la compression (%2&#xa0;%)</translation>
    </message>
</context>
<context>
    <name>trove::ui::TagCompleter</name>
    <message>
        <source>Tag suggestions</source>
        <translation>Suggestions d’étiquettes</translation>
    </message>
</context>
<context>
    <name>trove::ui::TagEditDialog</name>
    <message>
        <source>Edit Name and Tags</source>
        <translation>Modifier le nom et les étiquettes</translation>
    </message>
    <message>
        <source>Edit Tags of %1 Images</source>
        <translation>Modifier les étiquettes de %1 images</translation>
    </message>
    <message>
        <source>Tags are separated by commas.</source>
        <translation>Les étiquettes sont séparées par des virgules.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>É&amp;tiquettes&#xa0;:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Add tags:</source>
        <translation>&amp;Ajouter des étiquettes&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Remove tags:</source>
        <translation>&amp;Retirer des étiquettes&#xa0;:</translation>
    </message>
    <message>
        <source>On all:</source>
        <translation>Sur toutes&#xa0;:</translation>
    </message>
    <message>
        <source>On some:</source>
        <translation>Sur certaines&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>Tags typed under “Add” are added to all %Ln image(s); tags under “Remove” are removed from all of them. Separate tags with commas.</source>
        <translation>
            <numerusform>Les étiquettes tapées sous «&#xa0;Ajouter&#xa0;» sont ajoutées à l’image&#xa0;; celles sous «&#xa0;Retirer&#xa0;» lui sont retirées. Séparez les étiquettes par des virgules.</numerusform>
            <numerusform>Les étiquettes tapées sous «&#xa0;Ajouter&#xa0;» sont ajoutées aux %Ln images&#xa0;; celles sous «&#xa0;Retirer&#xa0;» leur sont toutes retirées. Séparez les étiquettes par des virgules.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s): names stay as they are</source>
        <translation>
            <numerusform>%Ln image&#xa0;: son nom reste inchangé</numerusform>
            <numerusform>%Ln images&#xa0;: les noms restent inchangés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::TagSidebar</name>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Click: show only images with this tag. Ctrl+click or middle click: hide them. Right click: rename or merge.</source>
        <translation>Clic&#xa0;: n’afficher que les images avec cette étiquette. Ctrl+clic ou clic du milieu&#xa0;: les masquer. Clic droit&#xa0;: renommer ou fusionner.</translation>
    </message>
    <message>
        <source>Counted in the first %1 matching images.</source>
        <translation>Compté dans les %1 premières images correspondantes.</translation>
    </message>
    <message numerus="yes">
        <source>The %n tag(s) used most.</source>
        <translation>
            <numerusform>La %n étiquette la plus utilisée.</numerusform>
            <numerusform>Les %n étiquettes les plus utilisées.</numerusform>
        </translation>
    </message>
    <message>
        <source>No tags here.</source>
        <translation>Aucune étiquette ici.</translation>
    </message>
    <message>
        <source>Show Only “%1”</source>
        <translation>N’afficher que «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Hide “%1”</source>
        <translation>Masquer «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Rename Tag…</source>
        <translation>Renommer l’étiquette…</translation>
    </message>
    <message>
        <source>Merge Into…</source>
        <translation>Fusionner dans…</translation>
    </message>
    <message>
        <source>Merge Tag</source>
        <translation>Fusionner l’étiquette</translation>
    </message>
    <message>
        <source>Rename Tag</source>
        <translation>Renommer l’étiquette</translation>
    </message>
    <message numerus="yes">
        <source>Merge “%1” (%n image(s)) into the tag:</source>
        <translation>
            <numerusform>Fusionner «&#xa0;%1&#xa0;» (%n image) dans l’étiquette&#xa0;:</numerusform>
            <numerusform>Fusionner «&#xa0;%1&#xa0;» (%n images) dans l’étiquette&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New name for “%1” (%n image(s)):</source>
        <translation>
            <numerusform>Nouveau nom pour «&#xa0;%1&#xa0;» (%n image)&#xa0;:</numerusform>
            <numerusform>Nouveau nom pour «&#xa0;%1&#xa0;» (%n images)&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot rename the tag: %1</source>
        <translation>Impossible de renommer l’étiquette&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Merged “%1” into “%2”: %n image(s).</source>
        <translation>
            <numerusform>«&#xa0;%1&#xa0;» fusionnée dans «&#xa0;%2&#xa0;»&#xa0;: %n image.</numerusform>
            <numerusform>«&#xa0;%1&#xa0;» fusionnée dans «&#xa0;%2&#xa0;»&#xa0;: %n images.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Renamed “%1” to “%2”: %n image(s).</source>
        <translation>
            <numerusform>«&#xa0;%1&#xa0;» renommée en «&#xa0;%2&#xa0;»&#xa0;: %n image.</numerusform>
            <numerusform>«&#xa0;%1&#xa0;» renommée en «&#xa0;%2&#xa0;»&#xa0;: %n images.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::ThumbnailSizeControl</name>
    <message>
        <source>Thumbnail size</source>
        <translation>Taille des vignettes</translation>
    </message>
</context>
<context>
    <name>trove::ui::TrashDialog</name>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>&amp;Delete for Good…</source>
        <translation>&amp;Supprimer définitivement…</translation>
    </message>
    <message>
        <source>&amp;Empty Trash…</source>
        <translation>&amp;Vider la corbeille…</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <source>Put the selected images back in the library, with their names, tags and sources (Ctrl+Z in the window takes it back)</source>
        <translation>Remettre les images sélectionnées dans la bibliothèque, avec leurs noms, étiquettes et sources (Ctrl+Z dans la fenêtre l’annule)</translation>
    </message>
    <message>
        <source>Delete the selected images and their originals; this cannot be undone</source>
        <translation>Supprimer les images sélectionnées et leurs originaux ; impossible à annuler</translation>
    </message>
    <message>
        <source>Delete every image in the trash and its original; this cannot be undone</source>
        <translation>Supprimer toutes les images de la corbeille et leurs originaux ; impossible à annuler</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Rien n’a été modifié : %1</translation>
    </message>
    <message numerus="yes">
        <source>Delete all %Ln image(s) in the trash for good?</source>
        <translation>
            <numerusform>Supprimer définitivement l’image de la corbeille (%Ln) ?</numerusform>
            <numerusform>Supprimer définitivement les %Ln images de la corbeille ?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln image(s) for good?</source>
        <translation>
            <numerusform>Supprimer définitivement %Ln image ?</numerusform>
            <numerusform>Supprimer définitivement %Ln images ?</numerusform>
        </translation>
    </message>
    <message>
        <source>Empty Trash</source>
        <translation>Vider la corbeille</translation>
    </message>
    <message>
        <source>Delete for Good</source>
        <translation>Supprimer définitivement</translation>
    </message>
    <message numerus="yes">
        <source>Their originals are deleted too. This cannot be undone.</source>
        <translation>
            <numerusform>Son original est supprimé aussi. Impossible à annuler.</numerusform>
            <numerusform>Leurs originaux sont supprimés aussi. Impossible à annuler.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Reading the trash…</source>
        <translation>Lecture de la corbeille…</translation>
    </message>
    <message>
        <source>Restoring images from the trash…</source>
        <translation>Restauration des images depuis la corbeille…</translation>
    </message>
    <message>
        <source>Deleting images for good…</source>
        <translation>Suppression définitive des images…</translation>
    </message>
    <message>
        <source>Cannot restore: %1 (%2 restored)</source>
        <translation>Impossible de restaurer : %1 (%2 restaurées)</translation>
    </message>
    <message>
        <source>Cannot delete: %1 (%2 deleted)</source>
        <translation>Impossible de supprimer : %1 (%2 supprimées)</translation>
    </message>
    <message>
        <source>Stopped: %1 restored</source>
        <translation>Arrêté : %1 restaurées</translation>
    </message>
    <message>
        <source>Stopped: %1 deleted for good</source>
        <translation>Arrêté : %1 supprimées définitivement</translation>
    </message>
    <message numerus="yes">
        <source>Restored %Ln image(s) to the library</source>
        <translation>
            <numerusform>%Ln image remise dans la bibliothèque</numerusform>
            <numerusform>%Ln images remises dans la bibliothèque</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln image(s) for good</source>
        <translation>
            <numerusform>%Ln image supprimée définitivement</numerusform>
            <numerusform>%Ln images supprimées définitivement</numerusform>
        </translation>
    </message>
    <message>
        <source>The trash is empty. Images you remove from the library wait here until you delete them for good.</source>
        <translation>La corbeille est vide. Les images retirées de la bibliothèque attendent ici jusqu’à leur suppression définitive.</translation>
    </message>
    <message numerus="yes">
        <source>%1 selected of %Ln image(s) in the trash</source>
        <translation>
            <numerusform>%1 sélectionnée sur %Ln image dans la corbeille</numerusform>
            <numerusform>%1 sélectionnées sur %Ln images dans la corbeille</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s) in the trash. Select some to restore them or to delete them for good (a click on a column&apos;s header sorts).</source>
        <translation>
            <numerusform>%Ln image dans la corbeille. Sélectionnez-la pour la restaurer ou la supprimer définitivement (un clic sur l’en-tête d’une colonne trie).</numerusform>
            <numerusform>%Ln images dans la corbeille. Sélectionnez-en pour les restaurer ou les supprimer définitivement (un clic sur l’en-tête d’une colonne trie).</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter by name or tag</source>
        <translation>Filtrer par nom ou étiquette</translation>
    </message>
    <message>
        <source>Show only the images whose name or tags contain every word typed here (Ctrl+F)</source>
        <translation>N’afficher que les images dont le nom ou les étiquettes contiennent chaque mot saisi ici (Ctrl+F)</translation>
    </message>
    <message numerus="yes">
        <source>No image of the %Ln in the trash has “%1” in its name or tags.</source>
        <translation>
            <numerusform>L’image de la corbeille n’a « %1 » ni dans son nom ni dans ses étiquettes.</numerusform>
            <numerusform>Aucune des %Ln images de la corbeille n’a « %1 » dans son nom ou ses étiquettes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 selected of %Ln matching image(s)</source>
        <translation>
            <numerusform>%1 sélectionnée(s) sur %Ln image correspondante</numerusform>
            <numerusform>%1 sélectionnée(s) sur %Ln images correspondantes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s) of %1 in the trash match “%2”.</source>
        <translation>
            <numerusform>%Ln image sur %1 dans la corbeille correspond à « %2 ».</numerusform>
            <numerusform>%Ln images sur %1 dans la corbeille correspondent à « %2 ».</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” was merged into the same image, added to the library again meanwhile</source>
        <translation>«&#xa0;%1&#xa0;» a été fusionnée avec la même image, ajoutée de nouveau à la bibliothèque entre-temps</translation>
    </message>
    <message>
        <source>“%1” was merged into “%2”, the same image added to the library again meanwhile</source>
        <translation>«&#xa0;%1&#xa0;» a été fusionnée avec «&#xa0;%2&#xa0;», la même image ajoutée de nouveau à la bibliothèque entre-temps</translation>
    </message>
    <message numerus="yes">
        <source>%1; %Ln of them merged into the same image, added again meanwhile</source>
        <translation>
            <numerusform>%1&#xa0;; %Ln d’entre elles a été fusionnée avec la même image, ajoutée de nouveau entre-temps</numerusform>
            <numerusform>%1&#xa0;; %Ln d’entre elles ont été fusionnées avec les mêmes images, ajoutées de nouveau entre-temps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::UndoCommands</name>
    <message>
        <source>Cannot undo or redo “%1”: %2</source>
        <translation>Impossible d’annuler ou de rétablir «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>Rename to “%1”</source>
        <translation>Renommer en «&#xa0;%1&#xa0;»</translation>
    </message>
    <message numerus="yes">
        <source>Move %Ln image(s) to the trash</source>
        <translation>
            <numerusform>Mettre %Ln image à la corbeille</numerusform>
            <numerusform>Mettre %Ln images à la corbeille</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot undo or redo “%1”: %2 (%3 done)</source>
        <translation>Impossible d’annuler ou de rétablir «&#xa0;%1&#xa0;»&#xa0;: %2 (%3 fait)</translation>
    </message>
    <message numerus="yes">
        <source>Restored %1 of %Ln image(s) from the trash</source>
        <translation>
            <numerusform>%1 image sur %Ln restaurée depuis la corbeille</numerusform>
            <numerusform>%1 images sur %Ln restaurées depuis la corbeille</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep the best of %Ln duplicate(s)</source>
        <translation>
            <numerusform>Garder le meilleur de %Ln doublon</numerusform>
            <numerusform>Garder le meilleur des %Ln doublons</numerusform>
        </translation>
    </message>
    <message>
        <source>Merge Tag “%1” Into “%2”</source>
        <translation>Fusionner l’étiquette «&#xa0;%1&#xa0;» dans «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>Rename Tag “%1” to “%2”</source>
        <translation>Renommer l’étiquette «&#xa0;%1&#xa0;» en «&#xa0;%2&#xa0;»</translation>
    </message>
    <message numerus="yes">
        <source>Reorder %n image(s) in “%1”</source>
        <translation>
            <numerusform>Réordonner %n image dans « %1 »</numerusform>
            <numerusform>Réordonner %n images dans « %1 »</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename collection “%1” to “%2”</source>
        <translation>Renommer la collection « %1 » en « %2 »</translation>
    </message>
    <message numerus="yes">
        <source>Restore %Ln image(s) from the trash</source>
        <translation>
            <numerusform>Restaurer %Ln image depuis la corbeille</numerusform>
            <numerusform>Restaurer %Ln images depuis la corbeille</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cannot redo: %Ln image(s) left the trash meanwhile (deleted for good or restored elsewhere)</source>
        <translation>
            <numerusform>Impossible de rétablir&#xa0;: %Ln image a quitté la corbeille entre-temps (supprimée définitivement ou restaurée ailleurs)</numerusform>
            <numerusform>Impossible de rétablir&#xa0;: %Ln images ont quitté la corbeille entre-temps (supprimées définitivement ou restaurées ailleurs)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cannot undo: %Ln image(s) left the trash meanwhile (deleted for good or restored elsewhere)</source>
        <translation>
            <numerusform>Impossible d’annuler&#xa0;: %Ln image a quitté la corbeille entre-temps (supprimée définitivement ou restaurée ailleurs)</numerusform>
            <numerusform>Impossible d’annuler&#xa0;: %Ln images ont quitté la corbeille entre-temps (supprimées définitivement ou restaurées ailleurs)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %1 of %2 images from the trash; %Ln left the trash meanwhile (deleted for good or restored elsewhere)</source>
        <translation>
            <numerusform>%1 images sur %2 restaurées depuis la corbeille&#xa0;; %Ln a quitté la corbeille entre-temps (supprimée définitivement ou restaurée ailleurs)</numerusform>
            <numerusform>%1 images sur %2 restaurées depuis la corbeille&#xa0;; %Ln ont quitté la corbeille entre-temps (supprimées définitivement ou restaurées ailleurs)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cannot send %Ln merged image(s) back to the trash: the image they were merged into has left the library, or they were restored again, meanwhile</source>
        <translation>
            <numerusform>Impossible de remettre %Ln image fusionnée dans la corbeille&#xa0;: l’image avec laquelle elle a été fusionnée a quitté la bibliothèque entre-temps, ou elle a de nouveau été restaurée</numerusform>
            <numerusform>Impossible de remettre %Ln images fusionnées dans la corbeille&#xa0;: l’image avec laquelle elles ont été fusionnées a quitté la bibliothèque entre-temps, ou elles ont de nouveau été restaurées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; %Ln of them merged into the same image, added again meanwhile</source>
        <translation>
            <numerusform>%1&#xa0;; %Ln d’entre elles a été fusionnée avec la même image, ajoutée de nouveau entre-temps</numerusform>
            <numerusform>%1&#xa0;; %Ln d’entre elles ont été fusionnées avec les mêmes images, ajoutées de nouveau entre-temps</numerusform>
        </translation>
    </message>
    <message>
        <source>This image was deleted elsewhere.</source>
        <translation>Cette image a été supprimée ailleurs.</translation>
    </message>
    <message>
        <source>This image was moved to the trash elsewhere.</source>
        <translation>Cette image a été mise à la corbeille ailleurs.</translation>
    </message>
    <message numerus="yes">
        <source>%1; %Ln image(s) moved to the trash or deleted elsewhere left alone</source>
        <translation>
            <numerusform>%1&#xa0;; %Ln image mise à la corbeille ou supprimée ailleurs laissée telle quelle</numerusform>
            <numerusform>%1&#xa0;; %Ln images mises à la corbeille ou supprimées ailleurs laissées telles quelles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cannot redo “%1” on %Ln image(s): changed elsewhere meanwhile, left as it is now</source>
        <translation>
            <numerusform>Impossible de rétablir «&#xa0;%1&#xa0;» sur %Ln image&#xa0;: modifiée ailleurs entre-temps, laissée telle quelle</numerusform>
            <numerusform>Impossible de rétablir «&#xa0;%1&#xa0;» sur %Ln images&#xa0;: modifiées ailleurs entre-temps, laissées telles quelles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cannot undo “%1” on %Ln image(s): changed elsewhere meanwhile, left as it is now</source>
        <translation>
            <numerusform>Impossible d’annuler «&#xa0;%1&#xa0;» sur %Ln image&#xa0;: modifiée ailleurs entre-temps, laissée telle quelle</numerusform>
            <numerusform>Impossible d’annuler «&#xa0;%1&#xa0;» sur %Ln images&#xa0;: modifiées ailleurs entre-temps, laissées telles quelles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cannot redo “%1” on %Ln image(s): moved to the trash or deleted elsewhere</source>
        <translation>
            <numerusform>Impossible de rétablir «&#xa0;%1&#xa0;» sur %Ln image&#xa0;: mise à la corbeille ou supprimée ailleurs</numerusform>
            <numerusform>Impossible de rétablir «&#xa0;%1&#xa0;» sur %Ln images&#xa0;: mises à la corbeille ou supprimées ailleurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cannot undo “%1” on %Ln image(s): moved to the trash or deleted elsewhere</source>
        <translation>
            <numerusform>Impossible d’annuler «&#xa0;%1&#xa0;» sur %Ln image&#xa0;: mise à la corbeille ou supprimée ailleurs</numerusform>
            <numerusform>Impossible d’annuler «&#xa0;%1&#xa0;» sur %Ln images&#xa0;: mises à la corbeille ou supprimées ailleurs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trove::ui::WalkProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop looking for images; what is queued stays queued</source>
        <translation>Arrêter la recherche d’images&#xa0;; ce qui est en file y reste</translation>
    </message>
    <message>
        <source>Looking for images: %1 found, %2 queued</source>
        <translation>Recherche d’images&#xa0;: %1 trouvées, %2 mises en file</translation>
    </message>
</context>
</TS>
