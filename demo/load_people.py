"""Who the load learners are and where they work: hand-written lists, no Faker.

Thirty French-speaking countries with ten municipalities each (the capital first, as
it weighs more), the names of their regions, and the jobs of municipal staff. Used by
``generate_load_data`` only.
"""

# Country: weight, region of most names, ten municipalities (capital first).
COUNTRIES = """
SN 8 west Dakar, Thiès, Saint-Louis, Kaolack, Ziguinchor, Touba, Mbour, Rufisque, Diourbel, Tambacounda
CI 7 west Abidjan, Bouaké, Yamoussoukro, Daloa, San-Pédro, Korhogo, Man, Gagnoa, Abengourou, Divo
CM 7 central Yaoundé, Douala, Garoua, Bamenda, Maroua, Bafoussam, Ngaoundéré, Bertoua, Ebolowa, Kribi
TN 5 maghreb Tunis, Sfax, Sousse, Kairouan, Bizerte, Gabès, Ariana, Gafsa, Monastir, Nabeul
MA 6 maghreb Rabat, Casablanca, Fès, Marrakech, Tanger, Agadir, Meknès, Oujda, Kénitra, Tétouan
CA 5 europe Montréal, Québec, Gatineau, Sherbrooke, Trois-Rivières, Saguenay, Lévis, Moncton, Laval, Rimouski
BE 3 europe Bruxelles, Liège, Namur, Charleroi, Mons, Tournai, Wavre, Arlon, Verviers, La Louvière
FR 6 europe Paris, Lyon, Marseille, Toulouse, Lille, Nantes, Strasbourg, Bordeaux, Rennes, Montpellier
CH 2 europe Genève, Lausanne, Neuchâtel, Fribourg, Sion, Yverdon-les-Bains, La Chaux-de-Fonds, Delémont, Montreux, Bienne
KH 2 khmer Phnom Penh, Siem Reap, Battambang, Kampot, Sihanoukville, Kampong Cham, Takeo, Kep, Pursat, Kratie
VN 2 viet Hanoï, Hô Chi Minh-Ville, Hué, Da Nang, Haïphong, Cần Thơ, Nha Trang, Đà Lạt, Vinh, Hội An
LB 2 levant Beyrouth, Tripoli, Saïda, Tyr, Zahlé, Jounieh, Byblos, Baalbek, Nabatieh, Batroun
HT 3 haiti Port-au-Prince, Cap-Haïtien, Gonaïves, Les Cayes, Jacmel, Jérémie, Pétion-Ville, Saint-Marc, Hinche, Port-de-Paix
MG 3 malagasy Antananarivo, Toamasina, Antsirabe, Fianarantsoa, Mahajanga, Toliara, Antsiranana, Ambatondrazaka, Morondava, Sambava
ML 4 west Bamako, Sikasso, Ségou, Mopti, Kayes, Koutiala, Gao, Tombouctou, Kati, San
BF 4 west Ouagadougou, Bobo-Dioulasso, Koudougou, Ouahigouya, Banfora, Dédougou, Kaya, Tenkodogo, Fada N'Gourma, Ziniaré
NE 3 west Niamey, Zinder, Maradi, Agadez, Tahoua, Dosso, Tillabéri, Diffa, Arlit, Birni-N'Konni
BJ 4 west Cotonou, Porto-Novo, Parakou, Abomey-Calavi, Djougou, Bohicon, Natitingou, Lokossa, Ouidah, Kandi
TG 3 west Lomé, Sokodé, Kara, Kpalimé, Atakpamé, Dapaong, Tsévié, Aného, Bassar, Notsé
CD 5 central Kinshasa, Lubumbashi, Mbuji-Mayi, Kisangani, Goma, Bukavu, Kananga, Matadi, Kolwezi, Mbandaka
CG 2 central Brazzaville, Pointe-Noire, Dolisie, Nkayi, Owando, Ouesso, Impfondo, Sibiti, Madingou, Kinkala
GA 2 central Libreville, Port-Gentil, Franceville, Oyem, Moanda, Mouila, Lambaréné, Tchibanga, Koulamoutou, Makokou
GN 3 west Conakry, Kankan, Nzérékoré, Kindia, Labé, Boké, Mamou, Siguiri, Faranah, Kissidougou
TD 2 central N'Djaména, Moundou, Abéché, Sarh, Kélo, Am Timan, Doba, Bongor, Mongo, Ati
MR 1 maghreb Nouakchott, Nouadhibou, Kiffa, Rosso, Kaédi, Zouérat, Atar, Sélibaby, Aleg, Néma
RW 2 central Kigali, Huye, Musanze, Rubavu, Rusizi, Muhanga, Nyagatare, Rwamagana, Karongi, Nyanza
BI 1 central Gitega, Bujumbura, Ngozi, Rumonge, Muyinga, Kayanza, Makamba, Bururi, Ruyigi, Cibitoke
KM 1 indian Moroni, Mutsamudu, Fomboni, Domoni, Mitsamiouli, Sima, Ouani, Mbéni, Foumbouni, Iconi
DJ 1 indian Djibouti, Ali Sabieh, Tadjourah, Obock, Dikhil, Arta, Holhol, Dorra, Balho, Loyada
LU 1 europe Luxembourg, Esch-sur-Alzette, Differdange, Dudelange, Ettelbruck, Diekirch, Wiltz, Echternach, Rumelange, Grevenmacher
"""

# Region: women's first names | men's first names | family names.
NAMES = {
    "europe": (
        "Camille, Léa, Manon, Chloé, Julie, Émilie, Sophie, Nathalie, Isabelle, Claire,"
        " Geneviève, Marie-Ève, Élodie, Céline, Aurélie, Inès",
        "Thomas, Nicolas, Julien, Antoine, Mathieu, François, Olivier, Pierre, Luc,"
        " Jean-Philippe, Guillaume, Maxime, Étienne, Benoît, Hugo, Louis",
        "Martin, Bernard, Dubois, Lefèvre, Moreau, Laurent, Girard, Fournier, Lambert,"
        " Tremblay, Gagnon, Côté, Bouchard, Peeters, Dumont, Favre, Rochat, Weber,"
        " Schmit, Muller",
    ),
    "west": (
        "Awa, Aminata, Fatou, Mariama, Aïssatou, Adjoua, Akissi, Rokia, Kadiatou,"
        " Salimata, Mariam, Ramatou, Abla, Afi, Nafissatou, Oumou",
        "Mamadou, Moussa, Ousmane, Ibrahima, Abdoulaye, Cheikh, Souleymane, Boubacar,"
        " Kouadio, Koffi, Yao, Seydou, Issa, Adama, Kodjo, Komi",
        "Diop, Ndiaye, Sow, Fall, Traoré, Keïta, Coulibaly, Diallo, Barry, Camara,"
        " Ouédraogo, Sawadogo, Kaboré, Koné, Bamba, Kouassi, Adjovi, Houngbo, Mensah,"
        " Agbodjan, Maïga, Issoufou",
    ),
    "central": (
        "Marie, Ngono, Carine, Brigitte, Solange, Chantal, Aline, Grâce, Josiane,"
        " Clarisse, Fatimé, Achta, Uwase, Ange, Mireille, Nadège",
        "Jean-Baptiste, Serge, Hervé, Blaise, Didier, Patrice, Guy-Roger, Landry,"
        " Christian, Mahamat, Abakar, Olivier, Aimé, Fabrice, Junior, Emmanuel",
        "Mbarga, Etoundi, Nkoulou, Ateba, Fotso, Kamga, Tchoupo, Mba, Ndong, Obame,"
        " Moukagni, Mabiala, Makosso, Mukendi, Kalonji, Tshibanda, Ilunga, Uwimana,"
        " Habimana, Niyonzima, Nshimirimana, Abdelkerim",
    ),
    "maghreb": (
        "Salma, Leïla, Imane, Meriem, Fatima-Zahra, Khadija, Yasmine, Rania, Nour,"
        " Sana, Amel, Houda, Asma, Ines, Mariem, Zeineb",
        "Youssef, Mehdi, Amine, Karim, Sami, Omar, Hamza, Anis, Walid, Hichem, Rachid,"
        " Nabil, Adil, Sidi, Mohamed, Ahmed",
        "Ben Salah, Gharbi, Jebali, Hammami, Mansouri, Trabelsi, Ben Youssef, El Amrani,"
        " Benjelloun, Alaoui, Idrissi, Tazi, Berrada, Bennani, Chraibi, Ould Cheikh",
    ),
    "levant": (
        "Maya, Rita, Nadine, Carla, Rana, Zeina, Hala, Joëlle, Lina, Myriam",
        "Rami, Georges, Élie, Joseph, Nadim, Tarek, Ziad, Karim, Fadi, Charbel",
        "Khoury, Haddad, Nassar, Saad, Karam, Sfeir, Abi Nader, Chami, Daher, Azar,"
        " Matar, Hayek",
    ),
    "khmer": (
        "Sokha, Sophea, Bopha, Srey Neang, Chenda, Vanna, Pisey, Channary, Sreymom,"
        " Kalliyan",
        "Dara, Vuthy, Rithy, Sambath, Visal, Piseth, Sopheak, Chamroeun, Veasna, Kosal",
        "Sok, Chan, Heng, Meas, Chea, Ly, Keo, Sam, Pen, Hem, Nhem, Sorn",
    ),
    "viet": (
        "Lan, Hương, Linh, Thảo, Hà, Mai, Ngọc, Trang, Thủy, Phương",
        "Minh, Tuấn, Dũng, Quang, Hùng, Nam, Sơn, Long, Huy, Khánh",
        "Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Đặng, Bùi, Đỗ, Ngô",
    ),
    "haiti": (
        "Jocelyne, Nadège, Guerline, Marie-Carmel, Widline, Roseline, Mirlande,"
        " Fabienne, Darline, Esther",
        "Wilson, Mackenson, Fritz, Ricardo, Jude, Wesner, Frantz, Réginald, Jonas,"
        " Clifford",
        "Jean-Baptiste, Pierre, Joseph, Charles, Saint-Fleur, Dorvil, Jean-Louis, Désir,"
        " Étienne, Louis-Jeune, Alexis, Célestin",
    ),
    "malagasy": (
        "Voahangy, Tiana, Lalao, Mialy, Nirina, Hanitra, Fanja, Volatiana, Soa, Haingo",
        "Hery, Faly, Haja, Rivo, Tojo, Mamy, Andry, Toky, Njaka, Fetra",
        "Rakoto, Rasoanaivo, Randriamampionona, Razafindrakoto, Andrianarisoa,"
        " Rabemananjara, Ravelo, Rakotomalala, Ranaivo, Rasolofo",
    ),
    "indian": (
        "Nadjma, Faïza, Chamsia, Fatouma, Hodan, Amina, Kadra, Zaharia, Nasra, Anlia",
        "Saïd, Anli, Abdallah, Ismaël, Abdourahman, Moustapha, Houssein, Nourdine,"
        " Ibrahim, Daoud",
        "Soilihi, Ali Mze, Abdallah, Said Omar, Mohamed, Hassan, Youssouf, Abdi, Farah,"
        " Robleh, Houmed, Mmadi",
    ),
}

JOB_TITLES = [
    "Agent d'état civil",
    "Agente d'accueil",
    "Secrétaire général de mairie",
    "Responsable des finances",
    "Comptable public",
    "Chargée des marchés publics",
    "Technicien de l'urbanisme",
    "Responsable des ressources humaines",
    "Chargé de communication",
    "Agent de recouvrement",
    "Responsable du service de l'eau",
    "Ingénieure des travaux",
    "Chargée de la participation citoyenne",
    "Contrôleur de gestion",
    "Archiviste",
    "Responsable de l'assainissement",
    "Agent de développement local",
    "Juriste",
]
DEPARTMENTS = [
    "État civil",
    "Finances",
    "Commande publique",
    "Urbanisme",
    "Ressources humaines",
    "Communication",
    "Services techniques",
    "Démocratie locale",
    "Eau et assainissement",
    "Affaires juridiques",
    "Secrétariat général",
    "",
]


def words(text: str) -> list[str]:
    return [word.strip() for word in text.split(",") if word.strip()]


def countries_list() -> list[tuple[str, int, str, list[str]]]:
    """(country code, weight, region of names, municipality names) from COUNTRIES."""
    rows = []
    for line in COUNTRIES.strip().splitlines():
        code, weight, region, cities = line.split(" ", 3)
        rows.append((code, int(weight), region, words(cities)))
    return rows
