"""Themes on general news (sport, entertainment, technology, business, politics): words of war, terror, votes,
viruses and oil used in their everyday senses give no security theme, while a real election, cyber attack, epidemic or
supply crisis keeps its theme. Every article here is invented for the test (issue 11, rounds 9 and 10, general news)."""

from __future__ import annotations

import pytest

from search.ingest.enrich.text import terms
from search.ingest.enrich.theme_senses import literal
from search.ingest.enrich.theme_text import sentence_starts
from search.ingest.enrich.themes import default_taxonomy, theme_evidence

# Stories that use the words of a theme in another sense: none of them is about a security theme.
ORDINARY = {
    "sport_massacre": (
        'Rovers hit United for five in derby massacre'
        "\n"
        'Rovers produced a blistering attacking display to crush United 5-0 in a one-sided derby at Ewood '
        'Lane on Saturday. The home side laid siege to the United goal from the first whistle, and striker '
        'Danny Rook fired a low shot past the keeper after eight minutes. Captain Mark Hale headed a second '
        'before the break as United\'s defence crumbled under a second-half blitz. "It was a massacre, there '
        'is no other word for it," said United manager Tony Bale, whose war of words with the Rovers boss had '
        'dominated the build-up. "We were shot to pieces at the back and the injuries to our centre-halves '
        'killed us." Rook completed his hat-trick with two more strikes, and the victory keeps Rovers in the '
        'battle for a European place. United, whose campaign has collapsed since the new year, now face a '
        'relegation battle. Fans invaded the pitch at the final whistle, and the club said stewards had '
        'removed a supporter who threw a missile at the visiting goalkeeper.'
    ),
    "sport_rugby": (
        'England launch Six Nations campaign against Wales'
        "\n"
        'England coach Andy Robinson has named a young side to open their Six Nations campaign against Wales '
        "in Cardiff on Saturday. The champions' defence has been the foundation of their success, but "
        'Robinson wants his back line to attack with more ambition. "We know Wales will throw everything at '
        'us. It will be a battle up front and we must win the war at the breakdown," said the coach. Captain '
        'Jason Robinson returns after injury, while the veteran flanker, who served a four-week ban, is fit '
        'again. The Welsh have been bombarding the England line in training drills behind closed doors, '
        "according to reports from their camp. England's travelling army of supporters will outnumber the "
        'home fans in parts of the stadium, and organisers have warned against a pitch invasion. Robinson '
        "said the squad's morale was high after a week at their base in Bath, where the players underwent a "
        'fitness blitz.'
    ),
    "sport_doping": (
        'Sprinter banned for two years after failed drugs test'
        "\n"
        'The European indoor champion has been banned for two years after a failed drugs test at a meeting in '
        'Germany last summer. The athlete, who denies taking the steroid, said he would fight the test ban at '
        'the Court of Arbitration for Sport. "This is an attack on my career and I will battle to clear my '
        'name," he said in a statement. UK Athletics said the sample had been tested twice and both tests '
        'found the banned substance. The federation has launched a campaign against doping and its chief '
        'executive said the sport was at war with the cheats. The ban rules the sprinter out of the '
        'Commonwealth Games and ends his hopes of a place in the relay team.'
    ),
    "ent_war_film": (
        'War film sweeps Bafta awards'
        "\n"
        'A war film about the D-Day landings has won five Baftas, including best film and best director, at '
        'the ceremony in London on Sunday. The drama about the invasion of Normandy follows a platoon of '
        'young troops from the beaches to the liberation of a French village, and critics praised its battle '
        'scenes and its portrayal of civilians caught in the fighting. Its director said he had spent three '
        'years researching the war with veterans. "We wanted to show what these soldiers went through," he '
        "said. The film's star, who plays a sergeant killed in an ambush, won best actor. The ceremony was "
        'the first at its new venue, and the biggest winner of last year, a romantic comedy, went home '
        'empty-handed.'
    ),
    "ent_album": (
        "Band's new album tops charts"
        "\n"
        "The Kaiser Chiefs' album Employment has gone straight to the top of the UK album charts, ending a "
        "chart battle with the latest release from the Stereophonics. The Leeds band's single I Predict A "
        'Riot reached number nine last month and has become an anthem at festivals. Singer Ricky Wilson said '
        'the band owed its success to a word-of-mouth campaign by fans. "We never expected this," he said. '
        'The album was recorded in a converted barracks in Leeds, and its sleeve shows the band in army '
        'uniforms. The group begin a 20-date tour in March, and tickets for the London shows sold out in '
        'hours.'
    ),
    "ent_game": (
        'Shooting game tops Christmas chart'
        "\n"
        'The latest instalment of a best-selling shooting game has topped the UK games chart in the run-up to '
        'Christmas. In the game, players take control of a squad of special forces soldiers who must fight '
        'terrorists in a fictional Middle Eastern city, using assault rifles, grenades and missiles. Players '
        'can also join online battles in which one team plays the terrorists and the other a '
        "counter-terrorism unit. The game's publisher said it had sold 500,000 copies in its first week. "
        "Critics praised its graphics and its online mode, although some parents' groups said the game was "
        'too violent for younger players. The game has a rating of 15 from the British Board of Film '
        'Classification.'
    ),
    "ent_talent_vote": (
        'Pop Idol winner decided by record vote'
        "\n"
        'More than eight million viewers voted in the final of the television talent show on Saturday, a '
        'record for the programme. The ballot was closed at 2100 GMT and the winner was announced live an '
        'hour later. The runner-up, who had topped the polls for weeks, said she had no regrets. "The public '
        'vote is what makes this show, and I respect the voters," she said. The programme\'s producers said '
        "the phone lines had coped with the demand and that every vote had been counted. The winner's single "
        'will be released at Christmas, and bookmakers expect it to be the Christmas number one.'
    ),
    "tech_broadband_war": (
        'Broadband price war hots up'
        "\n"
        "The battle for Britain's broadband customers intensified on Monday when two internet providers cut "
        'the price of their fastest service. The move is the latest shot in a price war that has seen monthly '
        "charges halve in a year. Analysts said the providers were fighting to win users before BT's rivals "
        'install their own equipment in telephone exchanges. "This is a war of attrition and only the biggest '
        'will survive," said one analyst. The cheaper packages will be launched with a television advertising '
        'campaign next week. BT said it would not be drawn into the price battle and would compete on the '
        'quality of its service.'
    ),
    "tech_console_war": (
        'Sony fires first shot in new console war'
        "\n"
        'Sony has fired the first shot in the next round of the games console war by revealing details of the '
        "PlayStation 3 at a games show in Los Angeles. The new machine will go head to head with Microsoft's "
        'Xbox 360, which launches in time for Christmas. Sony said its machine would play high-definition '
        'films, a move that gives its Blu-ray disc a boost in the format war with the rival HD-DVD. '
        "Microsoft's games chief said his company was ready for the battle. Analysts said the two firms would "
        'lose money on every console sold as they fight to win gamers. Nintendo, which has so far stayed out '
        'of the fight, is due to show its own machine on Wednesday.'
    ),
    "biz_takeover": (
        'Glazer wins takeover battle for Manchester United'
        "\n"
        'US tycoon Malcolm Glazer has won control of Manchester United after a year-long takeover battle. His '
        'hostile bid valued the club at 790m pounds, and the board, which had fought off his earlier '
        "approaches, said it could not recommend the offer but would not oppose it. Supporters' groups, which "
        'had mounted a campaign against the bid, said they were devastated. Glazer had threatened a proxy '
        "fight at the club's annual meeting and voted against three directors last year. Shareholders who "
        "held out must now decide whether to sell. The board's defence had rested on the club's debt-free "
        "finances, which Glazer's borrowing will end. The club's shares were suspended on the stock market."
    ),
    "biz_strike": (
        'Postal workers vote for strike'
        "\n"
        'Postal workers have voted to strike over pay, raising the prospect of the first national postal '
        'walkout in a decade. In a ballot of union members, 70% backed industrial action on a turnout of 60%. '
        'The union said its members had rejected a pay offer of 2.9% and wanted a deal that reflected the '
        "company's return to profit. Royal Mail said the vote was disappointing and urged the union to return "
        "to talks. The union must give seven days' notice of any strike. Business groups warned a strike in "
        'the run-up to Christmas would hit retailers and firms that rely on the post. The company said it '
        'would draw up contingency plans.'
    ),
    "biz_defence_contractor": (
        'Boeing wins jet orders from Gulf airline'
        "\n"
        'Boeing has won orders worth 4bn dollars from a Gulf airline, a boost for the US aircraft maker in '
        "its battle with Airbus for sales of long-haul jets. The airline ordered 20 of Boeing's 777 planes, "
        'which will be delivered from 2006. Boeing, also a defense contractor, said its commercial airplane '
        'division had won more orders this year than in any year since 2000. Airbus, in which the European '
        "defence group EADS holds a stake, said it was confident of winning the airline's next order for its "
        'new A350. Shares in Boeing rose 2% in New York.'
    ),
    "biz_oil_prices": (
        'Oil price hits new high'
        "\n"
        'Oil prices hit a record high of 55 dollars a barrel in New York on Monday as traders worried about '
        "low stocks of heating oil ahead of the winter. US crude futures rose 1.20 dollars, while London's "
        'Brent crude rose 1.10 dollars. The rise lifted the shares of oil companies BP and Shell but hit '
        'airline stocks. Analysts said high oil prices were a risk to growth in the world economy. Oil prices '
        'have risen by more than 60% this year. The rise in prices has helped BP to record profits, and the '
        'company is expected to report profits of more than 3bn pounds for the third quarter on Tuesday.'
    ),
    "biz_price_war": (
        'Supermarket price war hits profits'
        "\n"
        'Shares in J Sainsbury fell 4% after it warned that a price war with Tesco and Asda would hit its '
        "profits. The supermarket, which is fighting to recover its place as the UK's second-biggest grocer, "
        'has cut the price of 1,000 items. Its chief executive said the company would not be beaten in the '
        'battle for shoppers. "We are in a war for customers and we intend to win it," he said. Analysts said '
        'the cuts would cost the group 400m pounds over two years. Tesco, whose sales rose 10% last year, '
        'said it would match any price cut. Asda said it would launch its own campaign of cuts in the new '
        'year.'
    ),
}

# Stories about a theme, told with the same everyday words around it: each keeps its theme.
ABOUT = {
    "tech_virus": ('Cyber security', (
        'Mass-mailing virus infects thousands of PCs'
        "\n"
        'A new computer virus that spreads through e-mail has infected tens of thousands of PCs around the '
        'world, anti-virus firms have warned. The virus, called Mydoom, arrives as an attachment in a message '
        'that appears to be an error report. When a user opens the attachment, the virus mails itself to '
        'every address on the infected machine. Anti-virus firm Sophos said the outbreak was the fastest it '
        'had seen since the Sobig worm last summer. "Users should not open attachments they are not '
        'expecting," said a spokesman. Infected computers also open a back door that could let virus writers '
        'take control of them. Firms are urged to update their anti-virus software and to block the '
        'attachments at their mail servers.'
    )),
    "politics_election": ('Elections & democracy', (
        'Blair calls general election for 5 May'
        "\n"
        'Tony Blair has called a general election for 5 May, setting the stage for a four-week campaign in '
        'which Labour will seek a historic third term. The prime minister went to Buckingham Palace to ask '
        'the Queen to dissolve Parliament. Opinion polls give Labour a lead of about five points over the '
        'Conservatives, but party strategists fear a low turnout among Labour voters. Conservative leader '
        'Michael Howard said voters had a clear choice. The Liberal Democrats, who hope to win seats from '
        'both main parties, will launch their election manifesto on Monday. Postal votes have been extended '
        'to all voters, and the Electoral Commission has warned of the risk of fraud.'
    )),
    "tech_hackers": ('Cyber security', (
        'Hackers attack online betting sites'
        "\n"
        'Online bookmakers have been hit by a wave of attacks by hackers demanding money, police said. The '
        "hackers flooded the firms' web sites with traffic in a denial of service attack that left them "
        'unable to take bets. Several firms said they had received e-mails demanding up to 40,000 dollars to '
        'stop the attacks. The National Hi-Tech Crime Unit said it was working with police in Russia to trace '
        'the gang. Security experts said the hackers used thousands of computers hijacked by a virus to flood '
        "the sites. One firm said the attack had cost it a weekend's business."
    )),
    "tech_worm": ('Cyber security', (
        'Sasser worm hits computers across the world'
        "\n"
        'A computer worm that exploits a flaw in Windows has infected hundreds of thousands of computers, '
        'causing some to crash and reboot. The Sasser worm does not need users to open an attachment: it '
        'scans the internet for vulnerable machines. Banks, an airline and a coastguard service said their '
        'systems had been hit. Microsoft urged users to install a patch it released last month. Security '
        "experts said the worm's authors were hackers who exploited the flaw within days of it being made "
        'public. German police later arrested a teenager who admitted writing the malicious program.'
    )),
    "health_bird_flu": ('Pandemics & health security', (
        'Bird flu outbreak spreads in Asia'
        "\n"
        'An outbreak of bird flu has spread to a third Asian country, and the World Health Organization has '
        'warned that the virus could cause a human pandemic. Millions of chickens have been culled in '
        'Thailand and Vietnam, where eight people have died after catching the virus. Health officials fear '
        'it could mix with the human flu virus and spread from person to person. The WHO urged countries to '
        'step up surveillance and said work on a vaccine had begun. Thailand said it had quarantined farms in '
        '12 provinces.'
    )),
    "biz_oil_supply": ('Energy security', (
        'Oil supply fears as Yukos halts exports'
        "\n"
        'Oil prices rose after the Russian oil giant Yukos said it would halt crude exports to China, raising '
        'fears over the security of supply. The firm said a tax bill had frozen its accounts and it could not '
        "pay for rail transport. Yukos produces about 2% of the world's oil. OPEC said it would raise "
        'production to keep markets supplied, and the International Energy Agency said oil supply disruptions '
        'were the biggest risk to the world economy. China, which depends on imported oil for a third of its '
        'needs, said it would seek new suppliers.'
    )),
}


# Round 10's probes (issue 11, general news): more everyday senses, one article each, every one invented.
ORDINARY_10 = {
    "sport_cricket_hostilities": (
        'Harmison routs South Africa on day two'
        "\n"
        "Steve Harmison took five wickets as England's pace attack ripped through South Africa's top order at "
        'Kingsmead on Friday. Hostilities resumed after lunch under grey skies. Harmison bombarded the openers with '
        'short balls and the hosts were 98 for six at tea. "We wanted to be aggressive from the first over," said '
        'the Durham fast bowler. Captain Michael Vaughan kept three slips in place all afternoon, and the tail put '
        'up stubborn resistance until the new ball. The series is level at 1-1 with two Tests to play, and the war '
        'of words between the two camps continued after stumps.'
    ),
    "sport_shootout": (
        'Liverpool win Champions League in shoot-out'
        "\n"
        'Liverpool came back from three goals down to beat AC Milan on penalties in the Champions League final in '
        'Istanbul. Milan led 3-0 at half-time after a devastating first-half raid down the right, but captain '
        "Steven Gerrard headed in a cross on 54 minutes to spark the comeback. Liverpool's attack then struck twice "
        'in six minutes to level the scores. Milan laid siege to the Liverpool goal in extra time, but keeper Jerzy '
        'Dudek made a double save from striker Andriy Shevchenko. In the shoot-out Dudek saved from Andrea Pirlo '
        'and Shevchenko. "We never gave up," said manager Rafael Benitez. The victory means Liverpool will defend '
        'the trophy next season.'
    ),
    "sport_sanctions": (
        'Uefa imposes sanctions on club over racist chanting'
        "\n"
        "European football's governing body Uefa has imposed sanctions on a Spanish club after racist chanting at a "
        'Champions League match in November. The club was fined 100,000 euros and must play its next home tie '
        'behind closed doors. Uefa said the sanctions sent a clear message that racism would not be tolerated. '
        'Anti-racism campaigners said the fine was too low and called for tougher sanctions, including points '
        'deductions. The club said it would appeal. Its coach, who was fined last year for comments about a black '
        'player, said the punishment was unfair to the fans who had behaved well.'
    ),
    "sport_war_of_words": (
        'Mourinho and Wenger in war of words'
        "\n"
        'Chelsea manager Jose Mourinho has reignited his war of words with Arsenal boss Arsene Wenger, calling him '
        "a voyeur who is obsessed with Chelsea. The row escalated after Wenger questioned the champions' tactics at "
        'the weekend. "He is one of those people who is always looking at other people," said Mourinho. Wenger '
        'refused to respond, saying only that he was concentrating on his own team. The feud between the two '
        'managers has simmered since Mourinho arrived in England last summer. The two sides meet in the league next '
        "month, when the visitors will again try to break down the champions' defence."
    ),
    "politics_rebels": (
        'Labour rebels cut Blair majority on ID cards'
        "\n"
        "Tony Blair's majority was cut to 31 as Labour rebels voted against the government's identity cards bill in "
        'the Commons on Tuesday. Thirty Labour MPs joined the Conservatives and Liberal Democrats in opposing the '
        'plans, the biggest rebellion since the vote on university top-up fees. Home Secretary Charles Clarke said '
        'the cards would help fight identity fraud and illegal working. Rebel leader Bob Marshall-Andrews said the '
        'scheme would cost billions and erode civil liberties. The bill now goes to the House of Lords, where peers '
        'are expected to seek changes. Ministers had offered concessions to the rebels in an attempt to head off '
        'the revolt.'
    ),
    "politics_conference": (
        'Brown rallies Labour conference'
        "\n"
        "Chancellor Gordon Brown won a standing ovation at Labour's annual conference in Brighton with a speech "
        'promising more money for childcare and pensions. Delegates later defeated the leadership in a vote on the '
        "future of council housing, a blow to ministers. Union leaders said the vote showed the party's members "
        'wanted more investment in homes. Mr Brown told delegates the party must stay united. The conference also '
        "heard from the party's general secretary, who said membership had risen. The prime minister will give his "
        'keynote speech on Tuesday.'
    ),
    "tech_piracy": (
        'Film studios sue file-sharers'
        "\n"
        'Hollywood studios have begun suing people who swap films over the internet, following the lead of the '
        'music industry. The Motion Picture Association of America said it had filed lawsuits against hundreds of '
        'people who used peer-to-peer networks to share copies of films. Piracy costs the studios billions of '
        'dollars a year, the association said. The studios also plan to sell films as downloads protected by '
        'encryption so they cannot be copied. Critics said the copy protection would be cracked within weeks. The '
        'record industry has sued more than 7,000 people in the US since 2003.'
    ),
    "tech_spam": (
        'Spam makes up two thirds of all e-mail'
        "\n"
        'Junk e-mail now makes up two thirds of all messages sent, according to a survey by an e-mail filtering '
        'firm. Most of the spam advertised drugs, cheap loans and fake watches. The firm said the volume of spam '
        'had doubled in a year despite new laws in the US and Europe. Anti-spam campaigners said the laws had not '
        'deterred the spammers, who are hard to trace. Internet providers said their filters blocked most of the '
        'junk before it reached users. The survey found that the UK received more spam than any other country in '
        'Europe.'
    ),
    "tech_robots": (
        'Robot pets learn new tricks'
        "\n"
        "Sony's latest robot dog can recognise its owner's face and voice thanks to artificial intelligence "
        'software that learns as it plays, the company said. The Aibo, which costs 1,500 pounds, can also take '
        'photographs and read out e-mails. Sony said robotics would be a growing business for it. Rival firms in '
        'Japan have shown robots that can climb stairs and play the trumpet. The company said it had sold more than '
        '150,000 of the robot dogs since 1999. Artificial intelligence experts said the toys were a long way from '
        'real intelligence.'
    ),
    "ent_battle_of_bands": (
        'Battle of the bands winner signs record deal'
        "\n"
        'A four-piece from Glasgow who won a national battle of the bands contest have signed a record deal with a '
        'major label. More than 2,000 bands entered the competition, and the final was decided by a public vote of '
        'listeners. The band beat the favourites, a rock group from Bristol, in a close ballot. Their debut single '
        "will be released in the spring, and they will support a chart-topping act on tour. The contest's "
        'organisers said the turnout of voters had been the highest in its history.'
    ),
    "ent_album_attack": (
        'Rock band release Attack album'
        "\n"
        'The rock band Siege have released their third album, Attack, which they describe as their heaviest yet. '
        'Its first single, Rebels, reached number 12 last month. Frontman Dan Cole said the band had written the '
        'songs during a year on the road. "We wanted the record to sound like a riot," he said. The group will play '
        "a sold-out show at the Brixton Academy in March. Critics have praised the album's guitar sound."
    ),
    "ent_doctor_who": (
        'Daleks return to Doctor Who'
        "\n"
        "The Daleks are to return to BBC One's Doctor Who for the first time in 17 years. In the new series, the "
        'Doctor and his companion Rose face an invasion of London by the metal monsters. Writer Russell T Davies '
        'said the Daleks were the most famous villains in television history. The BBC had reached a deal with the '
        'estate of their creator, Terry Nation, after months of talks. The series, starring Christopher Eccleston, '
        'begins in March, with 13 episodes.'
    ),
    "biz_airline_fuel": (
        'Oil prices hit European airlines'
        "\n"
        "Europe's biggest airlines have raised fuel surcharges on long-haul flights as high oil prices push up "
        'their costs. British Airways said its fuel bill would rise by 300m pounds this year, and Air France-KLM '
        'said energy prices were the biggest threat to its profits. Crude oil prices have risen by more than 50% in '
        'a year. Analysts said European airlines were hit harder than their US rivals, which had bought fuel in '
        'advance at lower prices. BA shares fell 3% in London, while low-cost carriers said they would not add '
        'surcharges.'
    ),
    "biz_takeover_vote": (
        'Shareholders reject takeover in vote'
        "\n"
        'Shareholders in the German stock exchange have forced its chief executive to drop his bid for the London '
        'Stock Exchange. A coalition of hedge funds led opposition to the bid, and its leaders said they would vote '
        'to remove the board at the annual meeting. The chairman has also agreed to step down at the end of the '
        'year. The funds said the company should return cash to shareholders instead of spending it on a takeover. '
        'The exchange said it would hand 500m euros back to investors.'
    ),
    "biz_strike_pickets": (
        'Airport staff walk out over pay'
        "\n"
        'Check-in and baggage staff at Heathrow walked out on Thursday in a dispute over pay, causing delays for '
        'thousands of passengers. Pickets gathered outside the terminals from dawn, and the union said the strike '
        'would last 24 hours. The airline said it had brought in managers to keep flights running. Union officials '
        'said members had rejected a 3% pay offer and would stage further strikes over the holiday period unless '
        'talks resumed. Passengers were advised to check with the airline before travelling.'
    ),
    "biz_chairman_vote": (
        'Exchange members pick new chairman'
        "\n"
        'Members of the futures exchange have elected a floor trader as their chairman, ending the veteran '
        "chairman's nine years in charge. The new chairman won the vote by 412 to 298 after a campaign in which "
        'both candidates promised lower fees. The election also gave local traders two more seats on the board. '
        'Shareholders will vote next month on a plan to merge the exchange with a rival, which the new chairman has '
        "said he supports. The exchange's directors said the vote on the merger would need a two-thirds majority."
    ),
    "sport_flu": (
        'Flu outbreak hits Chelsea squad'
        "\n"
        "Chelsea will be without five players for Saturday's match at Blackburn after a flu virus swept through the "
        'squad. Manager Jose Mourinho said the illness had hit the team during the week and that two of the players '
        'were still in bed. "It is a virus, there is nothing we can do," he said. The club\'s doctors have kept the '
        'infected players away from the training ground to stop the outbreak spreading. Chelsea lead the table by '
        'nine points, and Mourinho said he would not ask the league to postpone the game.'
    ),
    "sport_doping_epidemic": (
        'Athletics chief warns of doping epidemic'
        "\n"
        'The head of world athletics has warned that the sport faces an epidemic of doping after three more '
        'sprinters tested positive for a designer steroid. He said the drug had been made to escape detection and '
        'that the health of young athletes was at risk. "This is an epidemic and we will fight it," he said. The '
        'three athletes face two-year bans. Testers will take more samples out of competition this year, and the '
        'federation will store samples so that they can be tested again when new methods exist.'
    ),
    "biz_airbus": (
        'Airbus unveils giant A380'
        "\n"
        "Airbus has unveiled the A380, the world's biggest passenger jet, at a ceremony in Toulouse attended by the "
        'leaders of France, Germany, Spain and Britain. The plane can carry up to 800 passengers. Its parent '
        'company EADS, the European aerospace and defence group, said Airbus had won 149 orders from 14 airlines. '
        'Boeing, which is betting on a smaller long-haul jet, says the market for such large planes is limited. '
        'EADS, the defence group that owns 80% of Airbus, said the contract with its first customer, Singapore '
        'Airlines, would see deliveries begin next year. Shares in EADS rose 2% in Paris.'
    ),
    "ent_band_aid": (
        'Band Aid 20 single goes straight to number one'
        "\n"
        "The Band Aid 20 version of Do They Know It's Christmas? has gone straight to number one in the UK singles "
        'chart, selling more than 200,000 copies in its first week. The song, first recorded in 1984 to raise money '
        'for victims of the famine in Ethiopia, was recorded again by stars including Chris Martin and Dido. Money '
        "from the new version will go to aid agencies working in Sudan's Darfur region, where refugees have fled "
        'fighting between militias and rebels. Organiser Bob Geldof said he hoped the single would be the Christmas '
        'number one. The video shows footage of the famine of 1984.'
    ),
    "politics_budget": (
        'Brown unveils pre-election Budget'
        "\n"
        'Chancellor Gordon Brown has raised the threshold for stamp duty and promised more money for pensioners in '
        'what critics called a pre-election Budget. He said the economy would grow by 3% to 3.5% this year. The '
        'defence budget will rise by 1bn pounds over three years, and there will be more money for schools. Shadow '
        'chancellor Oliver Letwin said taxes would have to rise after the election whoever won. The Liberal '
        'Democrats said the Budget did nothing for students.'
    ),
}

ABOUT_10 = {
    "tech_phone_virus": ('Cyber security', (
        'Virus spreads to mobile phones'
        "\n"
        'The first virus that spreads between mobile phones has been found in the wild, anti-virus firms have said. '
        'The Cabir program infects phones running the Symbian software and spreads over Bluetooth to other handsets '
        'nearby. It drains the battery but does not delete data. Security experts said the worm was written by a '
        'group of virus writers to show that phones could be attacked. Users were advised to turn off Bluetooth '
        'when not using it. Experts fear future phone viruses could steal data or make costly calls.'
    )),
    "tech_phishing": ('Cyber security', (
        'Bank customers targeted by phishing scam'
        "\n"
        'Customers of several UK banks have been targeted by a phishing scam that tries to steal their account '
        'details. The e-mails, which appear to come from the banks, ask customers to confirm passwords on a fake '
        'web site. Security firms said the fraudsters were using networks of hijacked computers to send millions of '
        'the messages. One bank said a number of customers had lost money. Police said the gang behind the attack '
        'was based in Eastern Europe. Banks never ask for passwords by e-mail, a spokesman said.'
    )),
    "biz_bae_results": ('Defence industry & arms trade', (
        'BAE profits boosted by US defence business'
        "\n"
        'Defence contractor BAE Systems has reported a 20% rise in profits, helped by strong demand from the '
        'Pentagon for armoured vehicles and electronics. The group said orders from the US military now made up a '
        'third of its sales. Its Eurofighter Typhoon jets are being delivered to the RAF, and it is in talks to '
        'sell the aircraft to Saudi Arabia. BAE said defence budgets in the US and Britain would keep rising. '
        'Shares rose 4%.'
    )),
    "politics_tory_campaign": ('Elections & democracy', (
        'Howard launches Tory election campaign'
        "\n"
        'Conservative leader Michael Howard has launched his general election campaign with a pledge to cut taxes '
        'and control immigration. Speaking in London, he said voters faced a clear choice on 5 May. Opinion polls '
        'show the Tories trailing Labour by three points, but party strategists believe a low turnout could help '
        'them win marginal seats. The Liberal Democrats launch their campaign on Monday.'
    )),
    "biz_gas_dispute": ('Energy security', (
        'Gas supplies to Europe cut in price row'
        "\n"
        'Russia cut gas supplies to Belarus on Wednesday in a row over prices, reducing deliveries to Poland and '
        'Germany through a pipeline that crosses the country. Gazprom said Belarus had refused to pay the new price '
        'and had been taking gas meant for European customers. The European Commission said the dispute showed that '
        'Europe was too dependent on Russian gas and called for new suppliers. Supplies were restored after 24 '
        'hours when Belarus agreed to pay.'
    )),
    "politics_campaign_war": ('Elections & democracy', (
        'Parties open election war chests'
        "\n"
        'Labour and the Conservatives will spend up to 20m pounds each on the general election campaign, as the '
        "parties prepare for battle. Labour's campaign chief said the party would go on the offensive in marginal "
        'seats, where activists have bombarded voters with leaflets. The Tories said their battle bus would visit '
        '100 constituencies in four weeks. The Liberal Democrats, with a smaller war chest, will target seats where '
        'Labour voters are unhappy about the Iraq war. Polls suggest a turnout below 60%.'
    )),
    "politics_terror_law": ('Terrorism & violent extremism', (
        'Lords defeat government on terror law'
        "\n"
        'The House of Lords has defeated the government over its plans to place terror suspects under house arrest '
        'without trial. Peers voted by 249 to 119 to require a judge, not the home secretary, to approve the '
        'control orders. Ministers say the powers are needed to deal with suspected terrorists who cannot be '
        'prosecuted because the evidence comes from intelligence. Critics said the plans would end centuries of '
        'legal protection. The bill returns to the Commons on Thursday, where the government hopes to overturn the '
        'defeat before the powers to detain foreign terrorism suspects expire.'
    )),
    "politics_hunting_protest": ('Protests & civil unrest', (
        'Hunt supporters clash with police'
        "\n"
        'Thousands of protesters clashed with police outside Parliament as MPs voted to ban hunting with dogs. '
        'Police used batons to hold back demonstrators who tried to break through barriers in Parliament Square, '
        'and several people were taken to hospital with head injuries. Inside the Commons, five protesters burst '
        'into the chamber and interrupted the debate. The Countryside Alliance said the protest was peaceful until '
        'police charged the crowd. Scotland Yard said 17 people had been arrested.'
    )),
}



@pytest.mark.parametrize("key", sorted(ORDINARY | ORDINARY_10))
def test_everyday_senses_of_theme_words_give_no_theme(key):
    assert theme_evidence((ORDINARY | ORDINARY_10)[key]) == {}


@pytest.mark.parametrize("key", sorted(ABOUT | ABOUT_10))
def test_a_story_about_a_theme_keeps_it(key):
    theme, text = (ABOUT | ABOUT_10)[key]
    assert theme in theme_evidence(text)


def test_a_phone_virus_is_cyber_security_and_a_campaign_war_chest_no_war():
    """A virus that spreads between handsets is malware, no epidemic; an election campaign's "war chest", "battle"
    and "offensive" beside one mention of a real war are no armed conflict."""
    assert "Pandemics & health security" not in theme_evidence(ABOUT_10["tech_phone_virus"][1])
    assert set(theme_evidence(ABOUT_10["politics_campaign_war"][1])) == {"Elections & democracy"}


def test_parliamentary_rebels_are_no_insurgents():
    """Rebels in a sentence on MPs, backbenchers or whips vote against their party; the same words beside an army
    are a war's."""
    vote = ("Rebels defeat the government\nForty backbench rebels voted against the bill and the rebellion cut the "
            "majority to ten. The whips said the rebels had been offered concessions by MPs on the committee.")
    assert "Armed conflict" not in theme_evidence(vote)
    war = vote.replace("backbench rebels voted against the bill", "rebels attacked an army base") \
        .replace("The whips said the rebels had been offered concessions by MPs on the committee.",
                 "The army said the rebels had shelled the town and troops were sent.")
    assert "Armed conflict" in theme_evidence(war)


def test_sanctions_of_a_sports_body_are_no_trade_measure():
    uefa = ("Club punished\nUefa imposed sanctions on the club after its fans threw flares. The club's appeal "
            "against the sanctions was rejected and its fans are banned from the next away match.")
    assert "Economic security & supply chains" not in theme_evidence(uefa)
    state = ("Exports punished\nThe European Union imposed sanctions on the country after its army fired on "
             "protesters. The government's appeal against the sanctions was rejected and its oil exports are banned.")
    assert "Economic security & supply chains" in theme_evidence(state)


def test_labour_unrest_over_pay_is_no_civil_unrest():
    strike = ("Dockers strike\nLabour unrest spread to the ports as dockers walked out over pay. The industrial "
              "unrest has closed three ports, and the union held a rally outside the ministry.")
    assert "Protests & civil unrest" not in theme_evidence(strike)
    riot = strike.replace("Labour unrest", "Unrest").replace("The industrial unrest has closed three ports",
                                                             "Riots broke out, police fired tear gas at protesters")
    assert "Protests & civil unrest" in theme_evidence(riot)


def test_a_computer_virus_is_cyber_security_not_an_epidemic():
    themes = theme_evidence(ABOUT["tech_virus"][1])
    assert "Pandemics & health security" not in themes
    assert "computer virus" in themes["Cyber security"]


def test_an_epidemic_needs_an_illness_named_beside_its_cues():
    outbreak = ("Outbreak closes schools\nAn outbreak in the town has infected hundreds of people, and the virus "
                "is spreading. Officials said the outbreak had put 12 patients in hospital. "
                "The infected were kept in quarantine.")
    assert "Pandemics & health security" in theme_evidence(outbreak)
    machines = outbreak.replace("12 patients in hospital", "12 servers offline")
    assert "Pandemics & health security" not in theme_evidence(machines)


def test_a_vote_needs_an_office_a_party_or_a_legislature():
    ballot = ("Nurses vote for strike\nNurses have voted for a strike in a ballot of union members. "
              "Turnout was 55% and 80% of voters backed the walkout, the union said.")
    assert "Elections & democracy" not in theme_evidence(ballot)
    poll = ballot.replace("union members", "party members in the parliamentary constituency")
    assert "Elections & democracy" in theme_evidence(poll)


def test_an_election_word_alone_does_not_vouch_for_a_vote_on_politics():
    """A board election or a chairman's re-election holds the cue words themselves; the sentence must also name an
    office of a polity, a party or a legislature (the election words are cues, not the subject they need). (Since
    round 10 a sentence naming a chairman, shareholders or directors makes its election words a body's: not_near.)"""
    board = ("Brewer's investors back chairman\nShareholders of the brewer voted at the annual meeting to re-elect "
             "the chairman, and the board election drew a record turnout of investors. The ballot ended a proxy "
             "campaign by a hedge fund, which had asked voters to elect two directors of its own.")
    assert "Elections & democracy" not in theme_evidence(board)
    town = board.replace("Shareholders of the brewer voted at the annual meeting to re-elect the chairman, and the "
                         "board election drew", "Citizens voted at the town meeting to re-elect the mayor, and the "
                         "mayoral election drew").replace("two directors", "two councillors")
    assert "Elections & democracy" in theme_evidence(town)

def test_a_football_striker_is_no_striking_worker():
    """"strikers" is matched as the exact word: its stem is also a forward's post ("the striker was sent off")."""
    match = ("Derby ends in red card\nThe striker was sent off for violent conduct after a clash with the defender, "
             "and fans threw coins at the referee. Police arrested two supporters after unrest in the stands.")
    assert "Protests & civil unrest" not in theme_evidence(match)
    mine = ("Miners clash with police\nPolice fired tear gas at strikers who blocked the gates of the mine. The "
            "miners, on strike for three weeks over pay, threw stones and two strikers were arrested.")
    assert "Protests & civil unrest" in theme_evidence(mine)

def test_oil_prices_need_supply_or_a_dispute_beside_them():
    market = ("Oil prices climb\nOil prices rose for a third day and crude futures gained 2%. "
              "Natural gas prices also rose in New York trading.")
    assert "Energy security" not in theme_evidence(market)
    supply = market.replace("Natural gas prices also rose", "Gas prices also rose as gas supplies to Europe fell")
    assert "Energy security" in theme_evidence(supply)


def test_a_firm_called_a_defence_contractor_is_not_the_arms_trade():
    airliners = ("Jet maker wins orders\nThe aircraft maker, also a defence contractor, won orders for 30 airliners. "
                 "Its rival, a European defence group, said it would bid for the airline's next order.")
    assert "Defence industry & arms trade" not in theme_evidence(airliners)
    arms = airliners.replace("won orders for 30 airliners", "won a contract for 30 fighter jets for the air force")
    assert "Defence industry & arms trade" in theme_evidence(arms)


def test_cues_in_a_sentence_on_a_film_or_a_game_are_dropped():
    text = "The film shows troops storming a beach. Troops landed at dawn and civilians fled the shelling."
    stems = terms(text)
    theme = next(t for t in default_taxonomy().themes if t.name == "Armed conflict")
    starts = sentence_starts(text)
    mentions = [(None, 1.0, stems.index("troop")), (None, 1.0, len(stems) - 2)]
    kept = literal({theme.name: list(mentions)}, [theme], stems, lambda: starts)
    assert kept == {theme.name: mentions[1:]}
    assert literal({theme.name: mentions[:1]}, [theme], stems, lambda: starts) == {}
